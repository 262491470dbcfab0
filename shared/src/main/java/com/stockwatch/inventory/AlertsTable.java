package com.stockwatch.inventory;

/** Attribute names of table {@code InventoryAlerts}: every stock alert the notifier raised, kept 90 days. */
public final class AlertsTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /** Sort key (S): {@code <time>#<item_id>#<type>}, newest last. */
    public static final String ALERT_ID = "alert_id";
    public static final String ITEM_ID = "item_id";
    public static final String ITEM_NAME = "item_name";
    /** S: {@code OUT_OF_STOCK}, {@code LOW_STOCK} or {@code BACK_IN_STOCK}. */
    public static final String ALERT_TYPE = "alert_type";
    /** N, absent for a new item. */
    public static final String OLD_LEVEL = "old_level";
    public static final String NEW_LEVEL = "new_level";
    /** S: ISO-8601 instant of the change (the item's {@code last_updated}). */
    public static final String OCCURRED_AT = "occurred_at";
    /** S: stream record event id that raised the alert. */
    public static final String EVENT_ID = "event_id";
    /** S: how the alert went out (for example {@code SENT}, {@code DIGEST}). */
    public static final String DELIVERY = "delivery";
    /** N: epoch seconds when DynamoDB's TTL removes the record. */
    public static final String EXPIRES_AT = "expires_at";

    private AlertsTable() {
    }
}
