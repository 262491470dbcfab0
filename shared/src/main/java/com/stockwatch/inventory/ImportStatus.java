package com.stockwatch.inventory;

/** Outcome of one imported file. */
public enum ImportStatus {
    /** Every row was valid and stored (or already up to date). */
    LOADED,
    /** Some rows were rejected; every valid row was stored. */
    PARTIAL,
    /** The file could not be read at all; nothing was written. */
    REJECTED,
    /** Valid rows could not be stored (DynamoDB kept failing); the invocation fails so Lambda retries. */
    FAILED
}
