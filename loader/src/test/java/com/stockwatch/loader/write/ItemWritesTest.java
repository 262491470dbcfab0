package com.stockwatch.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.Timestamps;
import com.stockwatch.inventory.InventoryItem;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class ItemWritesTest {

    private static final InventoryItem MILK = new InventoryItem("0042", "A-100", "Milk", 3,
            Instant.parse("2026-11-25T07:00:00Z"), OptionalInt.empty(), "s3://b/0042/a.csv");

    @Test
    void lastUpdatedIsWrittenWithFixedWidthSoStringsSortByTime() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);

        assertThat(request.item().get("last_updated").s()).isEqualTo("2026-11-25T07:00:00.000Z");
        assertThat(Timestamps.format(Instant.parse("2026-11-25T07:00:00.5Z"))).isEqualTo("2026-11-25T07:00:00.500Z");
    }

    @Test
    void aLowItemCarriesTheSparseStatus() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);

        assertThat(request.item().get("stock_status").s()).isEqualTo("LOW");
    }

    @Test
    void anItemInStockHasNoStatusAttribute() {
        InventoryItem plenty = new InventoryItem("0042", "A-100", "Milk", 50, MILK.lastUpdated(), OptionalInt.of(10),
                MILK.source());

        assertThat(ItemWrites.putRequest("Inventory", plenty, 5).item()).doesNotContainKey("stock_status");
    }

    @Test
    void theWriteIsConditionalOnTheFileBeingNewerOnly() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);

        assertThat(request.conditionExpression())
                .isEqualTo("attribute_not_exists(#id) OR #lu < :lu OR (#lu = :lu AND #src < :src)");
        assertThat(request.expressionAttributeValues().get(":lu").s()).isEqualTo("2026-11-25T07:00:00.000Z");
        assertThat(request.expressionAttributeValues().get(":src").s()).isEqualTo("s3://b/0042/a.csv");
    }

    @Test
    void anAcceptedWriteOverTheSameStockIsUnchanged() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);
        Map<String, AttributeValue> old = new HashMap<>(request.item());
        old.put("last_updated", AttributeValue.fromS("2026-11-24T00:00:00.000Z"));

        assertThat(ItemWrites.accepted(request, old)).isEqualTo(WriteOutcome.UNCHANGED);
    }

    @Test
    void anAcceptedWriteOfANewItemOrOtherStockIsWritten() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);
        Map<String, AttributeValue> old = new HashMap<>(request.item());
        old.put("inventory_level", AttributeValue.fromN("9"));

        assertThat(ItemWrites.accepted(request, null)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(ItemWrites.accepted(request, old)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void aRefusalOverTheSameValuesIsUnchanged() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);
        Map<String, AttributeValue> stored = new HashMap<>(request.item());
        stored.put("last_updated", AttributeValue.fromS("2026-11-26T00:00:00.000Z"));
        stored.put("inventory_level", AttributeValue.fromN("3.0"));

        assertThat(ItemWrites.refusal(request, stored)).isEqualTo(WriteOutcome.UNCHANGED);
    }

    @Test
    void aRefusalOverOtherValuesIsStale() {
        PutItemRequest request = ItemWrites.putRequest("Inventory", MILK, 5);
        Map<String, AttributeValue> stored = new HashMap<>(request.item());
        stored.put("inventory_level", AttributeValue.fromN("9"));
        stored.remove("stock_status");

        assertThat(ItemWrites.refusal(request, stored)).isEqualTo(WriteOutcome.STALE);
    }
}
