package com.stockwatch.inventory;

/**
 * Attribute names of table {@code InventoryAlerts}: every alert the notifier raised, kept 90 days, and per store the
 * grouping window record and the digests. Alert records sort by time ({@code alert_id} starts with a digit); the window
 * record and the digests sort after them ({@code ~}), so {@code alert_id < "~"} reads only alerts.
 */
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
    /** S: ISO-8601 instant the item is expected to run out (PREDICTED_OUT_OF_STOCK only). */
    public static final String EXPECTED_OUT_AT = "expected_out_at";
    /** S: stream record event id that raised the alert. */
    public static final String EVENT_ID = "event_id";
    /** S: how far the alert got: {@code PENDING}, {@code SENT}, {@code HELD}, {@code DIGESTED} or {@code FAILED}. */
    public static final String DELIVERY = "delivery";
    /** S: SNS message id of the message that carried the alert (or the digest). */
    public static final String MESSAGE_ID = "message_id";
    /** S: ISO-8601 instant SNS accepted that message. */
    public static final String DELIVERED_AT = "delivered_at";
    /** S: why SNS refused the alert for good ({@code FAILED}). */
    public static final String FAILURE_REASON = "failure_reason";
    /** S: {@code alert_id} of the digest that carried a {@code DIGESTED} alert. */
    public static final String DIGEST_ID = "digest_id";
    /** S: ISO-8601 start of the grouping window a {@code HELD} alert (or a digest) belongs to. */
    public static final String WINDOW_START = "window_start";
    /** S: ISO-8601 end of that window. */
    public static final String WINDOW_END = "window_end";
    /**
     * S, sparse key of {@link #HELD_INDEX}: the store id on a {@code HELD} alert, {@link #FLUSH_DUE} on a window record
     * that holds alerts not yet digested; absent everywhere else.
     */
    public static final String HELD_IN = "held_in";
    /** Global secondary index: partition {@link #HELD_IN}, sort {@link #ALERT_ID}, projection ALL. */
    public static final String HELD_INDEX = "held";
    /** The value of {@link #HELD_IN} that marks a store's window record as waiting for its digest. */
    public static final String FLUSH_DUE = "~flush-due";

    /** {@link #ALERT_ID} of a store's window record (one per store, reused window after window). */
    public static final String WINDOW_RECORD_ID = "~window";
    /** N on the window record: alerts the current window has seen (conditional counter). */
    public static final String SEEN = "seen";
    /** Prefix of the {@link #ALERT_ID} of a digest record: {@code ~digest#<window_start>#<first alert_id>}. */
    public static final String DIGEST_PREFIX = "~digest#";
    /** N on a digest record: alerts it carried. */
    public static final String ALERT_COUNT = "alert_count";
    /** M of alert type to N on a digest record. */
    public static final String COUNTS = "counts";
    /** S on a digest record: the first and last {@code alert_id} it carried (the dashboard reads that range). */
    public static final String FIRST_ALERT_ID = "first_alert_id";
    public static final String LAST_ALERT_ID = "last_alert_id";
    /** S on a PENDING digest record: until when the flush that claimed it owns it. */
    public static final String LEASE_UNTIL = "lease_until";
    /** N: epoch seconds when DynamoDB's TTL removes the record. */
    public static final String EXPIRES_AT = "expires_at";

    private AlertsTable() {
    }
}
