package com.stockwatch.inventory;

/**
 * Attribute names of table {@code InventoryItemStates}: for every item of {@code Inventory}, the status it is
 * counted as in its store's summary ({@link StoresTable}), the stream position that set it, the item's recent level
 * history and the stock-out forecast made from it. The notifier's summary consumer writes a state (with the store's
 * counters in one transaction when the status changes), conditioned on the state being what it read, so a
 * redelivered stream record counts once and appends its point once.
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
    /** B, the last level changes ({@code com.stockwatch.forecast.StockHistory}'s stored form, at most 480 bytes). */
    public static final String HISTORY = "history";
    /** S (ISO-8601), when the item is expected to run out; absent without a forecast. */
    public static final String EXPECTED_OUT_AT = "expected_out_at";
    /** N, days the last level lasts at the depletion rate; absent without a forecast. */
    public static final String DAYS_OF_COVER = "days_of_cover";
    /** N, units sold per day (the fitted depletion rate); absent without a forecast. */
    public static final String UNITS_PER_DAY = "units_per_day";
    /** S (ISO-8601), start of the falling segment the forecast is fitted on (the last restock). */
    public static final String EPISODE_START = "episode_start";
    /**
     * S (ISO-8601), {@link #EXPECTED_OUT_AT} again, but only while the stock-out is expected within the forecast's
     * index window of the last level change: the sort key of the sparse index {@link #AT_RISK_INDEX}.
     */
    public static final String AT_RISK_OUT_AT = "at_risk_out_at";
    /** S, the {@link #EPISODE_START} a PREDICTED_OUT_OF_STOCK warning was raised for (once per episode). */
    public static final String WARNED_EPISODE = "warned_episode";
    /** S, the {@link #VERSION} of the record that raised that warning (a redelivery of it raises it again). */
    public static final String WARNED_VERSION = "warned_version";
    /** Sparse index {@code store_id} + {@link #AT_RISK_OUT_AT}, keys only: a store's items by expected stock-out. */
    public static final String AT_RISK_INDEX = "by_expected_out";
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
