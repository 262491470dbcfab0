package com.stockwatch.loader.write;

/** What one conditional item write did. */
public enum WriteOutcome {
    /** New item, or new values from a file newer than the stored item. */
    WRITTEN,
    /** The table already held exactly these values: nothing written, no stream record. */
    UNCHANGED,
    /** The table holds different values from a newer file (or the same instant): kept, nothing written. */
    STALE,
    /** DynamoDB kept failing after all retries. */
    FAILED
}
