package com.stockwatch.inventory;

/** Attribute and index names of table {@code Inventory} (the table name itself comes from {@link TableNames}). */
public final class InventoryTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /** Sort key (S). */
    public static final String ITEM_ID = "item_id";
    /** S. */
    public static final String ITEM_NAME = "item_name";
    /** N, whole number from 0. */
    public static final String INVENTORY_LEVEL = "inventory_level";
    /** S, ISO-8601 UTC instant of the file that set the level. */
    public static final String LAST_UPDATED = "last_updated";
    /** N, optional. */
    public static final String LOW_STOCK_THRESHOLD = "low_stock_threshold";
    /** S, {@code s3://bucket/key} of the file that last changed the item. */
    public static final String SOURCE = "source";
    /**
     * S, sparse: {@code OUT_OF_STOCK} or {@code LOW}, absent for items in stock. Key of {@link #STATUS_INDEX}, so
     * the dashboard pages through items needing attention without scanning the store.
     */
    public static final String STOCK_STATUS = "stock_status";

    /** Global secondary index: partition {@link #STORE_ID}, sort {@link #STOCK_STATUS}, all attributes projected. */
    public static final String STATUS_INDEX = "by_stock_status";

    /**
     * Global secondary index: partition {@link #STORE_ID}, sort {@link #INVENTORY_LEVEL}, keys only: the dashboard's
     * sort by level reads a page of keys here and the items with one BatchGetItem. Keys only, so a file that
     * advances only {@code last_updated} writes nothing into it.
     */
    public static final String LEVEL_INDEX = "by_level";
    /** Global secondary index: partition {@link #STORE_ID}, sort {@link #ITEM_NAME}, keys only (sort by name). */
    public static final String NAME_INDEX = "by_name";

    /** Maximum length of an item id in UTF-8 bytes (DynamoDB's limit for a sort key is 1,024). */
    public static final int MAX_ITEM_ID_BYTES = 256;
    /** Maximum length of an item name in characters. */
    public static final int MAX_ITEM_NAME_CHARS = 1024;
    /** Largest accepted inventory level. */
    public static final long MAX_INVENTORY_LEVEL = 1_000_000_000L;

    private InventoryTable() {
    }
}
