package com.stockwatch.loader.parse;

/**
 * Reasons a whole file is rejected, shown to store staff on the dashboard. Tests assert on these texts, so change
 * them here only.
 */
public final class FileProblems {

    public static final String UNSUPPORTED_TYPE =
            "This type of file is not supported. Upload a .csv, .tsv, .txt, .json, .jsonl or .ndjson file (it may be"
                    + " gzip-compressed as .gz).";
    public static final String NOT_TEXT =
            "The file is not readable text. It may be a spreadsheet (.xlsx) or another binary file, or text that is not"
                    + " UTF-8. Save it as \"CSV UTF-8\" (or JSON) and upload it again.";
    public static final String NOT_GZIP =
            "The file name ends in .gz but the file is not gzip-compressed, or the compressed data is damaged.";
    public static final String CSV_MISSING_COLUMNS =
            "The first row must name the columns and include %s. Found: %s.";
    public static final String CSV_DUPLICATE_COLUMN = "The column %s appears more than once in the first row.";
    public static final String CSV_BROKEN_QUOTES =
            "Row %d: a quoted value is not closed, or text follows a closing quotation mark. Check the quotation marks"
                    + " in that row; the file was not loaded.";
    public static final String JSON_BROKEN =
            "The file is not valid JSON (problem at line %d, column %d). Check for a missing comma, bracket or"
                    + " quotation mark there; the file was not loaded.";
    public static final String JSON_WRONG_SHAPE =
            "A JSON file must be a list of items [ {...}, {...} ] or an object {\"store_id\": ..., \"items\": [ ... ]}.";
    public static final String JSON_NO_ITEMS = "The JSON object has no \"items\" list.";
    public static final String JSON_LINES_BROKEN =
            "The file is not JSON Lines: its first line is not a JSON object. Each line must be one object such as"
                    + " {\"item_id\": \"A-100\", \"inventory_level\": 12}.";
    public static final String ROOT_FILE_WITHOUT_STORE =
            "The file is not in a store's folder, so every row needs a store_id. Upload it to the store's folder"
                    + " (for example 0042/stock.csv) or add a store_id column.";
    public static final String FOLDER_NOT_A_STORE =
            "The file is in the folder \"%s\", which is not a store id: a store id "
                    + com.stockwatch.inventory.StoreIds.RULE + ". Upload it to the store's folder (for example"
                    + " 0042/stock.csv).";
    public static final String FILE_DELETED = "The file was deleted before it could be read.";
    public static final String FILE_REPLACED =
            "The file was replaced while it was being read; the new file is imported on its own.";

    public static final String RECORD_TOO_LONG =
            "Row %d is longer than %s characters. A quotation mark is probably not closed, so the rest of the file"
                    + " reads as one value; the file was not loaded.";
    public static final String JSON_VALUE_TOO_LONG =
            "The file has a value longer than %s characters (near line %d); the file was not loaded.";
    public static final String JSON_TOO_DEEP =
            "The file nests lists or objects too deeply (near line %d); items must be flat objects. The file was not"
                    + " loaded.";
    public static final String TOO_LARGE_DECOMPRESSED =
            "The file expands to more than %s MB when uncompressed; split it into smaller files.";
    public static final String COMPRESSION_RATIO =
            "The file expands more than %d times when uncompressed, which no inventory file does; it was not loaded"
                    + " (it may be damaged or not an inventory file).";

    private FileProblems() {
    }

    static String grouped(long n) {
        return String.format(java.util.Locale.US, "%,d", n);
    }

    static String megabytes(long bytes) {
        return grouped(bytes / 1_000_000);
    }
}
