package com.stockwatch.dashboard.inventory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders of the inventory view, as written in the {@code sort} parameter ({@code -} in front means descending).
 * {@link #ITEM} is the table's own key order and pages straight from DynamoDB; the others sort in memory.
 */
public enum ItemSort {
    ITEM("item", "Item"),
    NAME("name", "Name"),
    LEVEL("level", "Level"),
    UPDATED("updated", "Last update");

    private final String parameter;
    private final String label;

    ItemSort(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** Whether DynamoDB returns items in this order by itself. */
    public boolean isKeyOrder() {
        return this == ITEM;
    }

    static Optional<ItemSort> fromParameter(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        for (ItemSort sort : values()) {
            if (sort.parameter.equals(name)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    /** Ascending order of this sort, ties broken by item id so that cursors are exact. */
    Comparator<ItemView> comparator() {
        Comparator<ItemView> primary = switch (this) {
            case ITEM -> Comparator.comparing(ItemView::itemId);
            case NAME -> Comparator.comparing((ItemView item) -> item.itemName().toLowerCase(Locale.ROOT))
                    .thenComparing(ItemView::itemName);
            case LEVEL -> Comparator.comparingLong(ItemView::inventoryLevel);
            case UPDATED -> Comparator.comparing(ItemView::lastUpdated);
        };
        return primary.thenComparing(ItemView::itemId);
    }

    /** The value of an item this sort compares, as a cursor stores it. */
    String sortValue(ItemView item) {
        return switch (this) {
            case ITEM -> item.itemId();
            case NAME -> item.itemName();
            case LEVEL -> Long.toString(item.inventoryLevel());
            case UPDATED -> item.lastUpdated().toString();
        };
    }
}
