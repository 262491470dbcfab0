package com.stockwatch.dashboard.imports;

import java.util.List;

/**
 * One processed file as store staff see it (table {@code InventoryImports}).
 *
 * @param errors the first row errors the loader kept; {@link #rowsRejected} is the full count
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
        List<String> warnings) {

    /** A rejected row: its number in the file, the field and why. */
    public record RowError(Long row, String field, String reason) {
    }

    /** The file name without the store prefix. */
    public String fileName() {
        int slash = objectKey.lastIndexOf('/');
        return slash < 0 ? objectKey : objectKey.substring(slash + 1);
    }

    /** {@code ok}, {@code warn} or {@code bad}: the colour class of the status. */
    public String tone() {
        return switch (status) {
            case "LOADED" -> "ok";
            case "PARTIAL" -> "warn";
            default -> "bad";
        };
    }
}
