package com.stockwatch.dashboard.inventory;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes items as RFC 4180 CSV for spreadsheets. A cell that a spreadsheet would read as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading apostrophe, so an item named
 * {@code =HYPERLINK(...)} stays text.
 */
public final class CsvExport {

    public static final String HEADER = "store_id,item_id,item_name,inventory_level,status,low_stock_threshold,last_updated";

    private CsvExport() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    public static void writeRow(Writer out, ItemView item) throws IOException {
        out.write(cell(item.storeId()));
        out.write(',');
        out.write(cell(item.itemId()));
        out.write(',');
        out.write(cell(item.itemName()));
        out.write(',');
        out.write(Long.toString(item.inventoryLevel()));
        out.write(',');
        out.write(cell(item.status().label()));
        out.write(',');
        out.write(Integer.toString(item.threshold()));
        out.write(',');
        out.write(cell(item.lastUpdated().toString()));
        out.write("\r\n");
    }

    /** One text cell: neutralised against formula injection, then quoted when it needs to be. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(';') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
