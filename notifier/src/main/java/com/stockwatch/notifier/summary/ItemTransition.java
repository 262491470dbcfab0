package com.stockwatch.notifier.summary;

import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StockStatus;

/**
 * What one stream record of {@code Inventory} does to its store's summary: the item moves from one status (or from
 * not existing) to another (or to not existing). {@code from} is what the record's old image says; the consumer
 * corrects it from the item's state when the two differ.
 *
 * @param index   position of the record in the batch
 * @param version the record's sequence number as {@link ItemStatesTable#VERSION}
 */
record ItemTransition(int index, String storeId, String itemId, Optional<StockStatus> from, Optional<StockStatus> to,
        String version) {

    /**
     * The transition of a record, empty when it changes no count (a level change within the same status, or an event
     * that is neither INSERT, MODIFY nor REMOVE).
     *
     * @throws IllegalArgumentException when the record lacks its keys, sequence number or images
     */
    static Optional<ItemTransition> of(int index, DynamodbStreamRecord record) {
        String event = record.getEventName();
        if (!"INSERT".equals(event) && !"MODIFY".equals(event) && !"REMOVE".equals(event)) {
            return Optional.empty();
        }
        StreamRecord stream = record.getDynamodb();
        if (stream == null || stream.getKeys() == null || stream.getSequenceNumber() == null) {
            throw new IllegalArgumentException("record has no keys or sequence number");
        }
        Optional<StockStatus> from = "INSERT".equals(event) ? Optional.empty()
                : Optional.of(status(stream.getOldImage(), "OldImage"));
        Optional<StockStatus> to = "REMOVE".equals(event) ? Optional.empty()
                : Optional.of(status(stream.getNewImage(), "NewImage"));
        if (from.equals(to)) {
            return Optional.empty();
        }
        return Optional.of(new ItemTransition(index, key(stream.getKeys(), InventoryTable.STORE_ID),
                key(stream.getKeys(), InventoryTable.ITEM_ID), from, to,
                ItemStatesTable.version(stream.getSequenceNumber())));
    }

    /** The same transition starting from the status the item is actually counted as. */
    ItemTransition from(Optional<StockStatus> counted) {
        return new ItemTransition(index, storeId, itemId, counted, to, version);
    }

    boolean changesCounts() {
        return !from.equals(to);
    }

    /**
     * The status an image counts as: the loader's sparse {@link InventoryTable#STOCK_STATUS}, absent meaning in
     * stock, the very attribute the dashboard's status filter reads, so totals and filtered lists agree.
     */
    static StockStatus status(Map<String, AttributeValue> image, String imageName) {
        if (image == null) {
            throw new IllegalArgumentException("record has no " + imageName
                    + " (the stream must be NEW_AND_OLD_IMAGES)");
        }
        AttributeValue status = image.get(InventoryTable.STOCK_STATUS);
        if (status == null || status.getS() == null) {
            return StockStatus.IN_STOCK;
        }
        return StockStatus.valueOf(status.getS());
    }

    private static String key(Map<String, AttributeValue> keys, String name) {
        AttributeValue value = keys.get(name);
        if (value == null || value.getS() == null || value.getS().isEmpty()) {
            throw new IllegalArgumentException("key " + name + " is missing");
        }
        return value.getS();
    }
}
