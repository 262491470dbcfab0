package com.stockwatch.notifier.summary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.stockwatch.forecast.StockPoint;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StockStatus;

/**
 * What one stream record of {@code Inventory} does to the item's state: the item moves from one status (or from
 * not existing) to another (or to not existing), and a new level adds a point to its history. {@code from} is what
 * the record's old image says; the consumer takes it from the item's state, which is what the summary counts.
 *
 * @param index   position of the record in the batch
 * @param point   the new level at the file's time, when the level changed (or the item is new); empty for a delete
 *                and for a record whose level or time cannot be read (its status still counts)
 * @param version the record's sequence number as {@link ItemStatesTable#VERSION}
 */
record ItemTransition(int index, String storeId, String itemId, Optional<StockStatus> from, Optional<StockStatus> to,
        Optional<StockPoint> point, String version) {

    /**
     * The transition of a record, empty when it changes neither a count nor the level (a file that repeats the
     * item's values, a rename, or an event that is neither INSERT, MODIFY nor REMOVE).
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
        Optional<Long> newLevel = "REMOVE".equals(event) ? Optional.empty() : level(stream.getNewImage());
        boolean levelChanged = newLevel.isPresent()
                && ("INSERT".equals(event) || !newLevel.equals(level(stream.getOldImage())));
        if (from.equals(to) && !levelChanged) {
            return Optional.empty();
        }
        Optional<StockPoint> point = levelChanged
                ? time(stream).map(at -> new StockPoint(at.getEpochSecond(), newLevel.get()))
                : Optional.empty();
        return Optional.of(new ItemTransition(index, key(stream.getKeys(), InventoryTable.STORE_ID),
                key(stream.getKeys(), InventoryTable.ITEM_ID), from, to, point,
                ItemStatesTable.version(stream.getSequenceNumber())));
    }

    /** The same transition starting from the status the item is actually counted as. */
    ItemTransition from(Optional<StockStatus> counted) {
        return new ItemTransition(index, storeId, itemId, counted, to, point, version);
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

    private static Optional<Long> level(Map<String, AttributeValue> image) {
        AttributeValue level = image == null ? null : image.get(InventoryTable.INVENTORY_LEVEL);
        if (level == null || level.getN() == null) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(level.getN());
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The file's time ({@code last_updated}), else the record's creation time. */
    private static Optional<Instant> time(StreamRecord stream) {
        AttributeValue updated = stream.getNewImage().get(InventoryTable.LAST_UPDATED);
        if (updated != null && updated.getS() != null) {
            try {
                return Optional.of(Instant.parse(updated.getS()));
            } catch (DateTimeParseException e) {
                // fall back to the record's time
            }
        }
        return Optional.ofNullable(stream.getApproximateCreationDateTime()).map(d -> d.toInstant());
    }

    private static String key(Map<String, AttributeValue> keys, String name) {
        AttributeValue value = keys.get(name);
        if (value == null || value.getS() == null || value.getS().isEmpty()) {
            throw new IllegalArgumentException("key " + name + " is missing");
        }
        return value.getS();
    }
}
