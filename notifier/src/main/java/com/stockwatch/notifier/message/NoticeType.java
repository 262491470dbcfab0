package com.stockwatch.notifier.message;

/** Alerts about a store rather than an item; the names are the values of SNS attribute {@code alert_type}. */
public enum NoticeType {
    /** The store's file could not be read at all. */
    IMPORT_REJECTED("Import rejected", "IMPORT REJECTED"),
    /** Some rows were rejected, more than the configured share. */
    IMPORT_PARTIAL("Import partly rejected", "IMPORT PARTLY REJECTED"),
    /** Valid rows could not be stored. */
    IMPORT_FAILED("Import failed", "IMPORT FAILED"),
    /** No file from the store for longer than its expected interval. */
    STALE_INVENTORY("No inventory file", "STALE INVENTORY"),
    /** Files from a silent store again. */
    STALE_INVENTORY_RESOLVED("Inventory files resume", "FILES RESUME");

    private final String title;
    private final String shout;

    NoticeType(String title, String shout) {
        this.title = title;
        this.shout = shout;
    }

    public String title() {
        return title;
    }

    public String shout() {
        return shout;
    }
}
