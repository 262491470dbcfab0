package com.stockwatch.notifier.ledger;

/** Values of {@code delivery} in {@code InventoryAlerts}: how far an alert's notification got. */
public enum Delivery {
    /** Claimed by an invocation that is publishing it (or failed to, or died): a later delivery may take it over. */
    PENDING,
    /** Published as a message of its own. */
    SENT,
    /** Its store passed the window's limit of single messages: waits for the window's digest. */
    HELD,
    /** Published as part of its store's digest ({@code digest_id} names it). */
    DIGESTED,
    /** SNS refused its message for good (a sender fault); {@code failure_reason} says why. */
    FAILED
}
