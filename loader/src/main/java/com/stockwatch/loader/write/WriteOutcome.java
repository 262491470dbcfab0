package com.stockwatch.loader.write;

/** What one conditional item write did. */
public enum WriteOutcome {
    /** New item, or new values from a file newer than the stored item. */
    WRITTEN,
    /**
     * The table already held these stock values: nothing written for a replay or an older file; for a newer file only
     * {@code last_updated} and {@code source} advanced (a stream record without stock changes).
     */
    UNCHANGED,
    /** The table holds different values from a newer file (or the same instant): kept, nothing written. */
    STALE,
    /** DynamoDB kept failing after all retries. */
    FAILED
}
