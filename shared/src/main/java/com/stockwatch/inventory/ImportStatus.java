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
    FAILED;

    /**
     * The status named {@code name} when it is one an import ends with (LOADED, PARTIAL, REJECTED, FAILED); empty
     * for anything else, such as a status written while an import is still running, or one this code does not know.
     */
    public static java.util.Optional<ImportStatus> finished(String name) {
        return java.util.stream.Stream.of(LOADED, PARTIAL, REJECTED, FAILED)
                .filter(status -> status.name().equals(name)).findFirst();
    }
}
