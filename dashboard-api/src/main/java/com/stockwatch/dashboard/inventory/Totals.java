package com.stockwatch.dashboard.inventory;

import java.time.Instant;

/**
 * Counts of a whole store, whatever the current filter, from the store's summary in the registry.
 *
 * @param reconciledAt when a full recount last checked them, {@code null} before the first
 */
public record Totals(long items, long outOfStock, long low, long inStock, Instant reconciledAt) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, null);
}
