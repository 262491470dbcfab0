package com.stockwatch.dashboard.imports;

import java.util.List;

/**
 * One processed file as store staff see it (table {@code InventoryImports}).
 *
 * @param errors    the first row errors the loader kept; {@link #rowsRejected} is the full count
 * @param rowsTotal rows in the file (the loader counts them before the first write); 0 when unknown
 * @param bytesRead bytes of the file the loader has read so far; with {@code bytesTotal}, the progress when the
 *                  row count is unknown
 * @param updatedAt when a RUNNING import last reported progress
 */
public record ImportView(
        String importId,
        String objectKey,
        String status,
        String startedAt,
        String fileTime,
        Long durationMs,
        long rowsRead,
        long rowsWritten,
        long rowsUnchanged,
        long rowsStale,
        long rowsRejected,
        long rowsFailed,
        String reason,
        List<RowError> errors,
        List<String> warnings,
        long rowsTotal,
        long bytesRead,
        long bytesTotal,
        String updatedAt) {

    /** A rejected row: its number in the file, the field and why. */
    public record RowError(Long row, String field, String reason) {
    }

    /** The file name without the store prefix. */
    public String fileName() {
        int slash = objectKey.lastIndexOf('/');
        return slash < 0 ? objectKey : objectKey.substring(slash + 1);
    }

    /** {@code ok}, {@code warn}, {@code run} or {@code bad}: the colour class of the status. */
    public String tone() {
        return switch (status) {
            case "LOADED" -> "ok";
            case "PARTIAL" -> "warn";
            case "RUNNING" -> "run";
            default -> "bad";
        };
    }

    /** The loader is still working on the file; the outcome follows. */
    public boolean running() {
        return "RUNNING".equals(status);
    }

    /** Percent done (0-100): rows read of the rows in the file, or bytes read of the file's size. */
    public int percent() {
        if (!running()) {
            return 100;
        }
        if (rowsTotal > 0) {
            return (int) Math.min(100, rowsRead * 100 / rowsTotal);
        }
        return bytesTotal > 0 ? (int) Math.min(100, bytesRead * 100 / bytesTotal) : 0;
    }

    /** E.g. {@code 45,000 of 100,000 rows} (or bytes, while the row count is unknown). */
    public String progressText() {
        if (rowsTotal > 0) {
            return String.format(java.util.Locale.US, "%,d of %,d rows", rowsRead, rowsTotal);
        }
        return String.format(java.util.Locale.US, "%,d of %,d bytes", bytesRead, bytesTotal);
    }
}
