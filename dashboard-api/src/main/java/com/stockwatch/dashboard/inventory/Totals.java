package com.stockwatch.dashboard.inventory;

/** Counts of a whole store, whatever the current filter. */
public record Totals(long items, long outOfStock, long low) {

    public long inStock() {
        return Math.max(0, items - outOfStock - low);
    }
}
