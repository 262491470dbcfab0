package com.stockwatch.dashboard.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * Orders of the inventory view, as written in the {@code sort} parameter ({@code -} in front means descending).
 * {@link #ITEM} is the table's own key order; level and name page through the keys-only indexes {@code by_level} and
 * {@code by_name}. There is no sort by last update: every file advances {@code last_updated} of every item it lists,
 * so an index on it would be rewritten in full by each file (see docs/dashboard.md).
 */
public enum ItemSort {
    ITEM("item", "Item"),
    NAME("name", "Name"),
    LEVEL("level", "Level");

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
}
