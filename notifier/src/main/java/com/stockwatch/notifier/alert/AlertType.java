package com.stockwatch.notifier.alert;

/** The stock alerts the notifier raises; the names are the values of SNS attribute {@code alert_type}. */
public enum AlertType {
    /** The level dropped to 0 from above 0, or a new item arrived at 0. */
    OUT_OF_STOCK("Out of stock", "OUT OF STOCK"),
    /** The level dropped to or below the item's low-stock threshold from above it, and is not 0. */
    LOW_STOCK("Low stock", "LOW STOCK"),
    /** The level rose from 0. */
    BACK_IN_STOCK("Back in stock", "BACK IN STOCK"),
    /**
     * The item is expected to run out within the forecast horizon and is not at 0 yet; once per restock episode.
     * Listed after the others: a digest names it last.
     */
    PREDICTED_OUT_OF_STOCK("Running out soon", "RUNNING OUT SOON");

    private final String title;
    private final String shout;

    AlertType(String title, String shout) {
        this.title = title;
        this.shout = shout;
    }

    /** Text for subjects and headings, e.g. {@code "Out of stock"}. */
    public String title() {
        return title;
    }

    /** Upper-case text for SMS, e.g. {@code "OUT OF STOCK"}. */
    public String shout() {
        return shout;
    }
}
