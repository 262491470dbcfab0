package com.stockwatch.inventory;

/**
 * Attribute names of table {@code InventoryImports}: one record per processed file, shown to store staff on the
 * dashboard.
 */
public final class ImportsTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /** Sort key (S): {@code <started_at>#<object key>}, so a store's imports sort by time. */
    public static final String IMPORT_ID = "import_id";
    /** S: {@link ImportStatus} name. */
    public static final String STATUS = "status";
    /** S: bucket of the file. */
    public static final String BUCKET = "bucket";
    /** S: object key of the file (decoded). */
    public static final String OBJECT_KEY = "object_key";
    /** S: ISO-8601 instant the object was created (S3 event time). */
    public static final String FILE_TIME = "file_time";
    /** S: ISO-8601 instant processing started. */
    public static final String STARTED_AT = "started_at";
    /** N: milliseconds the import took. */
    public static final String DURATION_MS = "duration_ms";
    /** N counters. */
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_WRITTEN = "rows_written";
    public static final String ROWS_UNCHANGED = "rows_unchanged";
    public static final String ROWS_STALE = "rows_stale";
    public static final String ROWS_REJECTED = "rows_rejected";
    public static final String ROWS_FAILED = "rows_failed";
    /** S: why the whole file was rejected or failed, in words a store clerk understands. */
    public static final String REASON = "reason";
    /** L of M {@code {row: N, field: S, reason: S}}: the first {@link #MAX_ROW_ERRORS} row errors. */
    public static final String ERRORS = "errors";
    public static final String ERROR_ROW = "row";
    public static final String ERROR_FIELD = "field";
    public static final String ERROR_REASON = "reason";
    /** L of S: warnings such as ignored columns or duplicate items. */
    public static final String WARNINGS = "warnings";

    /** N: rows in the file (known after the loader's first pass; RUNNING records, for a progress bar). */
    public static final String ROWS_TOTAL = "rows_total";
    /** N: bytes of the object read by the loading pass so far (compressed bytes for a .gz). */
    public static final String BYTES_READ = "bytes_read";
    /** N: size of the object in bytes. */
    public static final String BYTES_TOTAL = "bytes_total";
    /** S: ISO-8601 instant of the last progress update of a RUNNING record (and of the final write). */
    public static final String UPDATED_AT = "updated_at";
    /**
     * M: where the next continuation resumes, written when an invocation hands the rest of the file over: {@code row}
     * (N, the last file row fully processed and drained), {@code offset} (N, bytes of the object read up to it) and
     * the counters and lists as they stood there (the same names as the record's own), so a continuation, or a retry
     * of a killed one, restarts from exact counts.
     */
    public static final String CHECKPOINT = "checkpoint";
    public static final String CHECKPOINT_ROW = "row";
    public static final String CHECKPOINT_OFFSET = "offset";
    /** S: ETag of the object version being loaded; a continuation reads exactly this version. */
    public static final String OBJECT_VERSION = "object_version";
    /** N: number of the invocation (1 = first, 2 = first continuation, ...) that owns a RUNNING record. */
    public static final String SEGMENT = "segment";
    /** S: ISO-8601 instant until which the owning invocation may still run; after it, a retry may take over. */
    public static final String LEASE_UNTIL = "lease_until";
    /**
     * N: epoch seconds after which DynamoDB's TTL deletes the record ({@code started_at} plus the loader's
     * {@code import-retention}, 400 days by default), so the table does not grow forever.
     */
    public static final String EXPIRES_AT = "expires_at";

    /** How many row errors an import record keeps; the count in {@link #ROWS_REJECTED} is always complete. */
    public static final int MAX_ROW_ERRORS = 100;

    private ImportsTable() {
    }
}
