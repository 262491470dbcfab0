package com.stockwatch.notifier.ledger;

/** Values of {@code delivery} in {@code InventoryAlerts}: how far an alert's notification got. */
public enum Delivery {
    /** Claimed by an invocation that is publishing it (or failed to, or died): a later delivery may take it over. */
    PENDING,
    /** Published as a message of its own. */
    SENT,
    /** Published as a line of its store's digest. */
    DIGEST
}
