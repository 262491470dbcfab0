package com.stockwatch.notifier.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One INSERT or MODIFY of an item of table {@code Inventory}, as read from a stream record.
 *
 * @param eventId           the stream record's {@code eventID}, the key of de-duplication
 * @param sequenceNumber    the stream record's sequence number, reported back when the record fails
 * @param storeId           {@code store_id}
 * @param itemId            {@code item_id}
 * @param itemName          {@code item_name} of the new image; the item id when absent
 * @param oldLevel          {@code inventory_level} of the old image; empty for a new item
 * @param newLevel          {@code inventory_level} of the new image
 * @param lowStockThreshold the new image's {@code low_stock_threshold}; empty means the default applies
 * @param occurredAt        the new image's {@code last_updated}, or the record's creation time when absent
 */
public record StockChange(
        String eventId,
        String sequenceNumber,
        String storeId,
        String itemId,
        String itemName,
        OptionalLong oldLevel,
        long newLevel,
        OptionalInt lowStockThreshold,
        Instant occurredAt) {

    public StockChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(oldLevel, "oldLevel");
        Objects.requireNonNull(lowStockThreshold, "lowStockThreshold");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Whether the item is new (an INSERT): there is no old level to compare with. */
    public boolean isNewItem() {
        return oldLevel.isEmpty();
    }
}
