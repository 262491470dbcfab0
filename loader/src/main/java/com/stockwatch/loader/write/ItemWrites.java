package com.stockwatch.loader.write;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The conditional PutItem of one item, and how to read its refusal.
 *
 * <p>The item is written only when it is new, or when the file is newer than the stored item <em>and</em> changes
 * something (name, level, threshold or stock status). Otherwise DynamoDB refuses the write, nothing changes and no
 * stream record is produced; the refusal carries the stored item (ReturnValuesOnConditionCheckFailure=ALL_OLD), which
 * tells "unchanged" (same values) from "stale" (different values from a newer file). Two files with the same instant
 * are ordered by their {@code source}, so the outcome never depends on processing order.
 *
 * <p>PutItem replaces the whole item: the sparse {@code stock_status} disappears when an item is back in stock, and a
 * threshold the file no longer gives disappears too (the default then applies).
 */
public final class ItemWrites {

    private static final String BASE = "attribute_not_exists(#id) OR ((#lu < :lu OR (#lu = :lu AND #src < :src))"
            + " AND (#name <> :name OR #level <> :level OR %s OR %s))";
    private static final String CHANGED_IF_PRESENT = "attribute_not_exists(%1$s) OR %1$s <> %2$s";
    private static final String CHANGED_IF_ABSENT = "attribute_exists(%s)";

    private ItemWrites() {
    }

    public static PutItemRequest putRequest(String table, InventoryItem item, int defaultThreshold) {
        Map<String, AttributeValue> attributes = InventoryItemAttributes.toAttributes(item, defaultThreshold);

        Map<String, String> names = new HashMap<>(8);
        names.put("#id", InventoryTable.ITEM_ID);
        names.put("#lu", InventoryTable.LAST_UPDATED);
        names.put("#src", InventoryTable.SOURCE);
        names.put("#name", InventoryTable.ITEM_NAME);
        names.put("#level", InventoryTable.INVENTORY_LEVEL);
        names.put("#thr", InventoryTable.LOW_STOCK_THRESHOLD);
        names.put("#st", InventoryTable.STOCK_STATUS);

        Map<String, AttributeValue> values = new HashMap<>(8);
        values.put(":lu", attributes.get(InventoryTable.LAST_UPDATED));
        values.put(":src", attributes.get(InventoryTable.SOURCE));
        values.put(":name", attributes.get(InventoryTable.ITEM_NAME));
        values.put(":level", attributes.get(InventoryTable.INVENTORY_LEVEL));
        String threshold = changed("#thr", ":thr", attributes.get(InventoryTable.LOW_STOCK_THRESHOLD), values);
        String status = changed("#st", ":st", attributes.get(InventoryTable.STOCK_STATUS), values);

        return PutItemRequest.builder()
                .tableName(table)
                .item(attributes)
                .conditionExpression(BASE.formatted(threshold, status))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private static String changed(String name, String placeholder, AttributeValue value,
            Map<String, AttributeValue> values) {
        if (value == null) {
            return "(" + CHANGED_IF_ABSENT.formatted(name) + ")";
        }
        values.put(placeholder, value);
        return "(" + CHANGED_IF_PRESENT.formatted(name, placeholder) + ")";
    }

    /**
     * Why a write was refused, from the stored item: {@link WriteOutcome#UNCHANGED} when it already holds the values
     * the write would set, {@link WriteOutcome#STALE} when it holds other values from a newer (or same-instant) file.
     */
    public static WriteOutcome refusal(PutItemRequest request, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) {
            return WriteOutcome.STALE;
        }
        Map<String, AttributeValue> wanted = request.item();
        for (String attribute : new String[] {InventoryTable.ITEM_NAME, InventoryTable.INVENTORY_LEVEL,
                InventoryTable.LOW_STOCK_THRESHOLD, InventoryTable.STOCK_STATUS}) {
            if (!sameValue(wanted.get(attribute), stored.get(attribute))) {
                return WriteOutcome.STALE;
            }
        }
        return WriteOutcome.UNCHANGED;
    }

    private static boolean sameValue(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.n() != null && b.n() != null) {
            return new java.math.BigDecimal(a.n()).compareTo(new java.math.BigDecimal(b.n())) == 0;
        }
        return Objects.equals(a, b);
    }
}
