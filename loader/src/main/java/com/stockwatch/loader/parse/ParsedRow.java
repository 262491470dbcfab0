package com.stockwatch.loader.parse;

import java.util.Map;

/**
 * One row as read from a file, before validation: either values by canonical column name (see {@link Columns}) or,
 * when the row could not even be read as a row, an error.
 *
 * @param row    row number (see {@link RowError#row()})
 * @param values trimmed text of each known column present in the row; empty when {@code error} is set
 * @param error  set when the row is unreadable (e.g. a JSON list element that is not an object)
 */
public record ParsedRow(long row, Map<String, String> values, RowError error) {

    public static ParsedRow of(long row, Map<String, String> values) {
        return new ParsedRow(row, values, null);
    }

    public static ParsedRow unreadable(long row, String reason) {
        return new ParsedRow(row, Map.of(), new RowError(row, "", reason));
    }

    public boolean readable() {
        return error == null;
    }

    /** The value of a canonical column, or {@code null} when absent or empty. */
    public String value(String column) {
        String value = values.get(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
