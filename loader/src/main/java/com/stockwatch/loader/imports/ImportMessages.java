package com.stockwatch.loader.imports;

/** Warnings and failure reasons of an import record, for store staff. Tests assert on these texts. */
public final class ImportMessages {

    public static final String IGNORED_COLUMNS = "These columns are not used and were ignored: %s.";
    public static final String DUPLICATE_ITEM =
            "Item \"%s\" in row %d is listed again in row %d; only the last row for an item is used.";
    public static final String MORE_DUPLICATES =
            "%s more rows were skipped because a later row lists the same item.";
    public static final String EMPTY_FILE = "The file has no rows.";
    public static final String MORE_ERRORS = "Only the first %d row errors are listed; %s rows were rejected in all.";
    public static final String NOT_STORED =
            "%s items could not be saved because the database kept failing; the file will be tried again"
                    + " automatically.";
    public static final String READ_FAILED =
            "The file could not be read from storage; it will be tried again automatically.";

    public static final String STOPPED =
            "The import stopped because of an internal problem; it will be tried again automatically.";
    public static final String HAND_OVER_FAILED =
            "The import could not be continued after a pause; it will be tried again automatically.";

    private ImportMessages() {
    }
}
