package com.stockwatch.inventory;

/**
 * Attribute and index names of table {@code InventoryStores}, the store registry: one item per store with its stock
 * summary and its last import, so the dashboard's overview and store list read one small table instead of scanning
 * {@code Inventory} or {@code InventoryImports}.
 * <p>
 * Writers, each of its own attributes: the notifier's summary consumer (the counters and {@link #SUMMARY_UPDATED_AT}),
 * the summary reconcile ({@link #RECONCILED_AT}), the notifier's imports consumer (the {@code last_import_*}
 * attributes and the staleness attributes). {@link #EXPECTED_INTERVAL_HOURS} is set by operators per store.
 */
public final class StoresTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /**
     * S, always {@link #REGISTRY_PARTITION}: the partition key of the registry's indexes, so the overview pages
     * through every store in one query.
     */
    public static final String REGISTRY = "registry";
    /** The one value of {@link #REGISTRY}. */
    public static final String REGISTRY_PARTITION = "stores";

    /** N counters of the store's items, by status; {@code ITEMS} is their sum. */
    public static final String ITEMS = "items";
    public static final String OUT_OF_STOCK = "out_of_stock";
    public static final String LOW_STOCK = "low_stock";
    public static final String IN_STOCK = "in_stock";
    /** S, ISO-8601 instant ({@link Timestamps}) the counters last changed. */
    public static final String SUMMARY_UPDATED_AT = "summary_updated_at";
    /** S, ISO-8601 instant of the last full recount that checked (and, where needed, repaired) the counters. */
    public static final String RECONCILED_AT = "reconciled_at";

    /** S, ISO-8601 file time of the store's newest finished import. */
    public static final String LAST_IMPORT_AT = "last_import_at";
    /** S, {@code import_id} of that import in {@code InventoryImports}. */
    public static final String LAST_IMPORT_ID = "last_import_id";
    /** S, {@link ImportStatus} name of that import. */
    public static final String LAST_IMPORT_STATUS = "last_import_status";
    /** S, object key of that import's file. */
    public static final String LAST_IMPORT_FILE = "last_import_file";

    /** N, optional: hours between files after which the store counts as silent (default from configuration). */
    public static final String EXPECTED_INTERVAL_HOURS = "expected_interval_hours";
    /** S, present while the store is silent: ISO-8601 instant it was found silent. */
    public static final String STALE_SINCE = "stale_since";

    /** Global secondary index: partition {@link #REGISTRY}, sort {@link #STORE_ID}: stores in id order. */
    public static final String BY_STORE_INDEX = "by_store_id";
    /** Global secondary index: partition {@link #REGISTRY}, sort {@link #OUT_OF_STOCK}: most out of stock first. */
    public static final String BY_OUT_OF_STOCK_INDEX = "by_out_of_stock";
    /** Global secondary index: partition {@link #REGISTRY}, sort {@link #LAST_IMPORT_AT}: silent stores first. */
    public static final String BY_LAST_IMPORT_INDEX = "by_last_import";

    /**
     * The attributes the registry's indexes project (besides their keys): what the overview and the store list show,
     * {@link #SUMMARY_UPDATED_AT} for the reconcile's choice of quiet stores (it changes only together with the
     * counters, so it adds no index write), and {@link #LAST_IMPORT_FILE} and {@link #EXPECTED_INTERVAL_HOURS} for
     * the silent-store check, which reads {@link #BY_LAST_IMPORT_INDEX} alone (both change only with an import or an
     * operator's setting). {@link #LAST_IMPORT_ID} is left out: a change of only it writes no index item.
     */
    public static final java.util.List<String> OVERVIEW_ATTRIBUTES = java.util.List.of(ITEMS, OUT_OF_STOCK,
            LOW_STOCK, IN_STOCK, SUMMARY_UPDATED_AT, RECONCILED_AT, LAST_IMPORT_AT, LAST_IMPORT_STATUS, STALE_SINCE,
            LAST_IMPORT_FILE, EXPECTED_INTERVAL_HOURS);

    private StoresTable() {
    }
}
