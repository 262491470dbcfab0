package com.stockwatch.loader.write;

import java.util.Map;
import java.util.Objects;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The conditional PutItem of one item, and how to read its outcome.
 *
 * <p>The item is written when it is new, or when the file is newer than the file that last wrote it. Otherwise
 * DynamoDB refuses the write and nothing changes: a replayed event or a late, older file writes nothing and produces no
 * stream record. A newer file always writes, even when it repeats the stored values: it advances {@code last_updated}
 * and {@code source}, so that a file older than it but newer than the stored item, arriving late, is refused. (If the
 * unchanged item kept its older time, such a file would roll the stock back.) Such a write is counted as unchanged;
 * its stream record changes no stock field, so the notifier raises nothing. Two files with the same instant are
 * ordered by their {@code source}, so the outcome never depends on processing order.
 *
 * <p>The write returns the old item (ReturnValues=ALL_OLD), and a refusal the stored one
 * (ReturnValuesOnConditionCheckFailure=ALL_OLD): comparing the stock fields tells written from unchanged, and
 * unchanged (a replay) from stale (other values from a newer file).
 *
 * <p>PutItem replaces the whole item: the sparse {@code stock_status} disappears when an item is back in stock, and a
 * threshold the file no longer gives disappears too (the default then applies).
 */
public final class ItemWrites {

    private static final String NEWER_FILE = "attribute_not_exists(#id) OR #lu < :lu OR (#lu = :lu AND #src < :src)";
    private static final String[] STOCK_FIELDS = {InventoryTable.ITEM_NAME, InventoryTable.INVENTORY_LEVEL,
            InventoryTable.LOW_STOCK_THRESHOLD, InventoryTable.STOCK_STATUS};

    private ItemWrites() {
    }

    public static PutItemRequest putRequest(String table, InventoryItem item, int defaultThreshold) {
        Map<String, AttributeValue> attributes = InventoryItemAttributes.toAttributes(item, defaultThreshold);
        return PutItemRequest.builder()
                .tableName(table)
                .item(attributes)
                .conditionExpression(NEWER_FILE)
                .expressionAttributeNames(Map.of(
                        "#id", InventoryTable.ITEM_ID,
                        "#lu", InventoryTable.LAST_UPDATED,
                        "#src", InventoryTable.SOURCE))
                .expressionAttributeValues(Map.of(
                        ":lu", attributes.get(InventoryTable.LAST_UPDATED),
                        ":src", attributes.get(InventoryTable.SOURCE)))
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /**
     * What an accepted write did, from the item it replaced: {@link WriteOutcome#UNCHANGED} when that held the same
     * stock values (only the file's time and source advanced), {@link WriteOutcome#WRITTEN} otherwise.
     */
    public static WriteOutcome accepted(PutItemRequest request, Map<String, AttributeValue> old) {
        return old != null && !old.isEmpty() && sameStock(request.item(), old)
                ? WriteOutcome.UNCHANGED
                : WriteOutcome.WRITTEN;
    }

    /**
     * Why a write was refused, from the stored item: {@link WriteOutcome#UNCHANGED} when it already holds the values
     * the write would set, {@link WriteOutcome#STALE} when it holds other values from a newer (or same-instant) file.
     */
    public static WriteOutcome refusal(PutItemRequest request, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) {
            return WriteOutcome.STALE;
        }
        return sameStock(request.item(), stored) ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
    }

    private static boolean sameStock(Map<String, AttributeValue> wanted, Map<String, AttributeValue> stored) {
        for (String attribute : STOCK_FIELDS) {
            if (!sameValue(wanted.get(attribute), stored.get(attribute))) {
                return false;
            }
        }
        return true;
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
