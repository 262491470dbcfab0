package com.stockwatch.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One row of table {@code Inventory}: the stock of one item in one store.
 *
 * @param storeId           partition key {@code store_id}
 * @param itemId            sort key {@code item_id}
 * @param itemName          {@code item_name}; the item id when the file gave none
 * @param inventoryLevel    {@code inventory_level}, a whole number from 0
 * @param lastUpdated       {@code last_updated}: the time of the file that set this level (S3 event time)
 * @param lowStockThreshold {@code low_stock_threshold}; empty means the configured default applies
 * @param source            {@code source}: {@code s3://bucket/key} of the file that last changed the item
 */
public record InventoryItem(
        String storeId,
        String itemId,
        String itemName,
        long inventoryLevel,
        Instant lastUpdated,
        OptionalInt lowStockThreshold,
        String source) {

    public InventoryItem {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(lowStockThreshold, "lowStockThreshold");
        if (inventoryLevel < 0) {
            throw new IllegalArgumentException("inventoryLevel must not be negative: " + inventoryLevel);
        }
    }

    /** The item's status under its own threshold, or {@code defaultThreshold} when it has none. */
    public StockStatus status(int defaultThreshold) {
        return StockStatus.of(inventoryLevel, lowStockThreshold, defaultThreshold);
    }
}
