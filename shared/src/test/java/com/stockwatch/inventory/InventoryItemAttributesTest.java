package com.stockwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class InventoryItemAttributesTest {

    private static final Instant FILE_TIME = Instant.parse("2026-11-24T08:15:30Z");

    @Test
    void itemSurvivesTheRoundTrip() {
        InventoryItem item = new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME, OptionalInt.of(4),
                "s3://bucket/berlin/a.csv");

        assertThat(InventoryItemAttributes.fromAttributes(InventoryItemAttributes.toAttributes(item, 5)))
                .isEqualTo(item);
    }

    @Test
    void statusAttributeIsWrittenOnlyForItemsNeedingAttention() {
        InventoryItem low = new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME, OptionalInt.empty(), "s3://b/k");
        InventoryItem plenty = new InventoryItem("berlin", "sku-2", "Rice", 30, FILE_TIME, OptionalInt.empty(),
                "s3://b/k");

        assertThat(InventoryItemAttributes.toAttributes(low, 5).get(InventoryTable.STOCK_STATUS).s()).isEqualTo("LOW");
        assertThat(InventoryItemAttributes.toAttributes(plenty, 5)).doesNotContainKey(InventoryTable.STOCK_STATUS);
    }

    @Test
    void lastUpdatedIsStoredWithMillisecondsSoStringOrderIsTimeOrder() {
        InventoryItem onTheSecond = new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME, OptionalInt.empty(),
                "s3://b/k");
        InventoryItem later = new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME.plusMillis(123),
                OptionalInt.empty(), "s3://b/k");

        String first = InventoryItemAttributes.toAttributes(onTheSecond, 5).get(InventoryTable.LAST_UPDATED).s();
        String second = InventoryItemAttributes.toAttributes(later, 5).get(InventoryTable.LAST_UPDATED).s();

        assertThat(first).isEqualTo("2026-11-24T08:15:30.000Z");
        assertThat(first).isLessThan(second);
    }

    @Test
    void missingNameFallsBackToTheItemId() {
        Map<String, AttributeValue> attributes = new HashMap<>(InventoryItemAttributes.toAttributes(
                new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME, OptionalInt.empty(), "s3://b/k"), 5));
        attributes.remove(InventoryTable.ITEM_NAME);

        assertThat(InventoryItemAttributes.fromAttributes(attributes).itemName()).isEqualTo("sku-1");
    }

    @Test
    void malformedLevelNamesTheAttribute() {
        Map<String, AttributeValue> attributes = new HashMap<>(InventoryItemAttributes.toAttributes(
                new InventoryItem("berlin", "sku-1", "Tea", 3, FILE_TIME, OptionalInt.empty(), "s3://b/k"), 5));
        attributes.put(InventoryTable.INVENTORY_LEVEL, AttributeValue.fromS("three"));

        assertThatThrownBy(() -> InventoryItemAttributes.fromAttributes(attributes))
                .hasMessageContaining(InventoryTable.INVENTORY_LEVEL);
    }
}
