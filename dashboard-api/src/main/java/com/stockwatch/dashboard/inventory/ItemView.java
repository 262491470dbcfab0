package com.stockwatch.dashboard.inventory;

import java.time.Instant;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.StockStatus;

/**
 * One item as the pages and the API show it.
 *
 * @param status the status under the item's own threshold or the configured default
 * @param threshold the threshold that applies to the item
 * @param daysOfCover days the last level lasts at the item's depletion rate; null without a forecast
 * @param expectedOutAt when the item is expected to run out; null without a forecast
 */
public record ItemView(
        String storeId,
        String itemId,
        String itemName,
        long inventoryLevel,
        Instant lastUpdated,
        int threshold,
        StockStatus status,
        String source,
        Double daysOfCover,
        Instant expectedOutAt) {

    public ItemView(String storeId, String itemId, String itemName, long inventoryLevel, Instant lastUpdated,
            int threshold, StockStatus status, String source) {
        this(storeId, itemId, itemName, inventoryLevel, lastUpdated, threshold, status, source, null, null);
    }

    public static ItemView of(InventoryItem item, int defaultThreshold) {
        return new ItemView(item.storeId(), item.itemId(), item.itemName(), item.inventoryLevel(),
                item.lastUpdated(), item.lowStockThreshold().orElse(defaultThreshold), item.status(defaultThreshold),
                item.source());
    }

    /** Days of cover with one decimal ({@code 2.5}), or a dash without a forecast. */
    public String coverText() {
        return daysOfCover == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", daysOfCover);
    }

    /** The same item with its forecast (from its state in {@code InventoryItemStates}). */
    public ItemView withForecast(Double cover, Instant outAt) {
        return new ItemView(storeId, itemId, itemName, inventoryLevel, lastUpdated, threshold, status, source, cover,
                outAt);
    }
}
