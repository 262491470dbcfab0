package com.stockwatch.dashboard.inventory;

import java.time.Instant;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.StockStatus;

/**
 * One item as the pages and the API show it.
 *
 * @param status the status under the item's own threshold or the configured default
 * @param threshold the threshold that applies to the item
 */
public record ItemView(
        String storeId,
        String itemId,
        String itemName,
        long inventoryLevel,
        Instant lastUpdated,
        int threshold,
        StockStatus status,
        String source) {

    public static ItemView of(InventoryItem item, int defaultThreshold) {
        return new ItemView(item.storeId(), item.itemId(), item.itemName(), item.inventoryLevel(),
                item.lastUpdated(), item.lowStockThreshold().orElse(defaultThreshold), item.status(defaultThreshold),
                item.source());
    }
}
