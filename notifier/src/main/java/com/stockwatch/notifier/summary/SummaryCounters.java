package com.stockwatch.notifier.summary;

import java.util.Map;
import java.util.Optional;

import com.stockwatch.inventory.StockStatus;
import com.stockwatch.inventory.StoresTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Changes to (or values of) a store's four counters in {@code InventoryStores}. */
record SummaryCounters(long items, long outOfStock, long low, long inStock) {

    static final SummaryCounters ZERO = new SummaryCounters(0, 0, 0, 0);

    SummaryCounters plus(Optional<StockStatus> status, int sign) {
        if (status.isEmpty()) {
            return this;
        }
        return switch (status.get()) {
            case OUT_OF_STOCK -> new SummaryCounters(items + sign, outOfStock + sign, low, inStock);
            case LOW -> new SummaryCounters(items + sign, outOfStock, low + sign, inStock);
            case IN_STOCK -> new SummaryCounters(items + sign, outOfStock, low, inStock + sign);
        };
    }

    SummaryCounters apply(ItemTransition transition) {
        return plus(transition.from(), -1).plus(transition.to(), 1);
    }

    /** The counters as stored on a registry item (absent counters are 0). */
    static SummaryCounters of(Map<String, AttributeValue> registryItem) {
        return new SummaryCounters(number(registryItem, StoresTable.ITEMS),
                number(registryItem, StoresTable.OUT_OF_STOCK), number(registryItem, StoresTable.LOW_STOCK),
                number(registryItem, StoresTable.IN_STOCK));
    }

    /** Expression values {@code :items}, {@code :out}, {@code :low}, {@code :in}. */
    Map<String, AttributeValue> values() {
        return Map.of(":items", n(items), ":out", n(outOfStock), ":low", n(low), ":in", n(inStock));
    }

    /** Expression names {@code #items}, {@code #out}, {@code #low}, {@code #in}. */
    static Map<String, String> names() {
        return Map.of("#items", StoresTable.ITEMS, "#out", StoresTable.OUT_OF_STOCK, "#low", StoresTable.LOW_STOCK,
                "#in", StoresTable.IN_STOCK);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
