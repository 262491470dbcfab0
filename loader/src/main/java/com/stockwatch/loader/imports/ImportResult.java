package com.stockwatch.loader.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.loader.parse.RowError;

/**
 * The outcome of one file, as recorded in table {@code InventoryImports}.
 *
 * @param storeId         partition key: the folder's store; for a file at the bucket root the one store its rows
 *                        name, or {@link LoaderService#ROOT_PARTITION} when they name several or none
 * @param importId        sort key {@code <file time>#<object key>}: the S3 event time, so a replayed event lands on
 *                        the same record
 * @param rowsSuperseded  rows skipped because a later row lists the same item
 * @param reason          why the whole file was rejected or failed; empty otherwise
 * @param errors          the first 100 row errors
 * @param warnings        ignored columns, duplicate items, an empty file
 */
public record ImportResult(
        String storeId,
        String importId,
        String bucket,
        String objectKey,
        Instant fileTime,
        Instant startedAt,
        long durationMs,
        ImportStatus status,
        long rowsRead,
        long rowsWritten,
        long rowsUnchanged,
        long rowsStale,
        long rowsRejected,
        long rowsFailed,
        long rowsSuperseded,
        Optional<String> reason,
        List<RowError> errors,
        List<String> warnings) {

    /** One line for logs and the handler's answer. */
    public String summary() {
        return "%s: %s (%d read, %d written, %d unchanged, %d stale, %d rejected, %d failed)%s".formatted(
                objectKey, status, rowsRead, rowsWritten, rowsUnchanged, rowsStale, rowsRejected, rowsFailed,
                reason.map(r -> ": " + r).orElse(""));
    }
}
