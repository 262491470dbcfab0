package com.stockwatch.loader.parse;

/**
 * Why one row of a file was not loaded, in words a store clerk understands.
 *
 * @param row    row number as the clerk sees it: the spreadsheet row for CSV (header = row 1), the position in the
 *               list for JSON (first item = row 1), the line number for JSON Lines
 * @param field  the column at fault, or empty when the whole row is at fault
 * @param reason what is wrong and what is expected
 */
public record RowError(long row, String field, String reason) {

    public RowError {
        field = field == null ? "" : field;
    }

    /** E.g. {@code Row 7, inventory_level: must be a whole number from 0 to 1,000,000,000 (got "12abc")}. */
    @Override
    public String toString() {
        return field.isEmpty() ? "Row " + row + ": " + reason : "Row " + row + ", " + field + ": " + reason;
    }
}
