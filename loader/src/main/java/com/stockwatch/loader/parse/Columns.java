package com.stockwatch.loader.parse;

import java.util.Locale;

import com.stockwatch.inventory.InventoryTable;

/**
 * The columns a file may have, matched case-insensitively, plus the classic walk-through names
 * {@code store,item,count}.
 */
public final class Columns {

    public static final String STORE_ID = InventoryTable.STORE_ID;
    public static final String ITEM_ID = InventoryTable.ITEM_ID;
    public static final String ITEM_NAME = InventoryTable.ITEM_NAME;
    public static final String INVENTORY_LEVEL = InventoryTable.INVENTORY_LEVEL;
    public static final String LOW_STOCK_THRESHOLD = InventoryTable.LOW_STOCK_THRESHOLD;

    private Columns() {
    }

    /**
     * The canonical name of a column header or JSON field: one of the constants above, or {@code null} for a column
     * the loader does not use.
     */
    public static String canonical(String name) {
        String key = normalise(name);
        return switch (key) {
            case STORE_ID, ITEM_ID, ITEM_NAME, INVENTORY_LEVEL, LOW_STOCK_THRESHOLD -> key;
            default -> alias(key);
        };
    }

    /** Whether {@code name} is a classic walk-through name ({@code store}, {@code item}, {@code count}). */
    public static boolean isAlias(String name) {
        return alias(normalise(name)) != null;
    }

    private static String alias(String key) {
        return switch (key) {
            case "store" -> STORE_ID;
            case "item" -> ITEM_ID;
            case "count" -> INVENTORY_LEVEL;
            default -> null;
        };
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
