package com.stockwatch.inventory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts {@link InventoryItem}s to and from DynamoDB attribute maps of table {@code Inventory}. */
public final class InventoryItemAttributes {

    private InventoryItemAttributes() {
    }

    /**
     * The full attribute map of an item, including the sparse {@link InventoryTable#STOCK_STATUS} when the item needs
     * attention under {@code defaultThreshold}.
     */
    public static Map<String, AttributeValue> toAttributes(InventoryItem item, int defaultThreshold) {
        Map<String, AttributeValue> attributes = new HashMap<>(10);
        attributes.put(InventoryTable.STORE_ID, s(item.storeId()));
        attributes.put(InventoryTable.ITEM_ID, s(item.itemId()));
        attributes.put(InventoryTable.ITEM_NAME, s(item.itemName()));
        attributes.put(InventoryTable.INVENTORY_LEVEL, n(item.inventoryLevel()));
        attributes.put(InventoryTable.LAST_UPDATED, s(Timestamps.format(item.lastUpdated())));
        attributes.put(InventoryTable.SOURCE, s(item.source()));
        item.lowStockThreshold().ifPresent(t -> attributes.put(InventoryTable.LOW_STOCK_THRESHOLD, n(t)));
        item.status(defaultThreshold).indexValue()
                .ifPresent(status -> attributes.put(InventoryTable.STOCK_STATUS, s(status)));
        return attributes;
    }

    /**
     * Reads an item as stored.
     *
     * @throws IllegalArgumentException naming the attribute that is missing or malformed
     */
    public static InventoryItem fromAttributes(Map<String, AttributeValue> attributes) {
        String itemId = string(attributes, InventoryTable.ITEM_ID);
        AttributeValue name = attributes.get(InventoryTable.ITEM_NAME);
        AttributeValue threshold = attributes.get(InventoryTable.LOW_STOCK_THRESHOLD);
        AttributeValue source = attributes.get(InventoryTable.SOURCE);
        return new InventoryItem(
                string(attributes, InventoryTable.STORE_ID),
                itemId,
                name != null && name.s() != null ? name.s() : itemId,
                number(attributes, InventoryTable.INVENTORY_LEVEL),
                instant(attributes, InventoryTable.LAST_UPDATED),
                threshold != null && threshold.n() != null
                        ? OptionalInt.of(Integer.parseInt(threshold.n()))
                        : OptionalInt.empty(),
                source != null && source.s() != null ? source.s() : "");
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String string(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("attribute " + name + " is missing or not a string");
        }
        return value.s();
    }

    private static long number(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("attribute " + name + " is missing or not a number");
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute " + name + " is not a whole number: " + value.n(), e);
        }
    }

    private static Instant instant(Map<String, AttributeValue> attributes, String name) {
        String value = string(attributes, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("attribute " + name + " is not an ISO-8601 instant: " + value, e);
        }
    }
}
