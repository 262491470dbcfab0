package com.stockwatch.inventory;

/**
 * Attribute names of table {@code InventoryItemStates}: for every item of {@code Inventory}, the status it is
 * counted as in its store's summary ({@link StoresTable}) and the stream position that set it. The notifier's
 * summary consumer changes a state and the store's counters in one transaction, conditioned on the state's
 * position being older, so a redelivered stream record counts once.
 */
public final class ItemStatesTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /** Sort key (S). */
    public static final String ITEM_ID = "item_id";
    /** S, {@link StockStatus} name the item is counted as; absent once the item was deleted (a tombstone). */
    public static final String STATUS = "status";
    /**
     * S, the stream sequence number of the record that set {@link #STATUS}, left-padded with zeros to
     * {@link #VERSION_DIGITS} digits so that string order is numeric order.
     */
    public static final String VERSION = "version";
    /** Width of {@link #VERSION}. */
    public static final int VERSION_DIGITS = 48;

    private ItemStatesTable() {
    }

    /** {@code sequenceNumber} as stored in {@link #VERSION}. */
    public static String version(String sequenceNumber) {
        if (sequenceNumber.length() >= VERSION_DIGITS) {
            return sequenceNumber;
        }
        return "0".repeat(VERSION_DIGITS - sequenceNumber.length()) + sequenceNumber;
    }
}
