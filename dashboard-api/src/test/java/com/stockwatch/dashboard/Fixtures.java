package com.stockwatch.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import com.stockwatch.forecast.StockHistory;
import com.stockwatch.forecast.StockPoint;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stores of the tests: berlin (five items, every status, a hostile name and a formula) and paris. */
final class Fixtures {

    static final String XSS_NAME = "<script>alert(1)</script>";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil\",\"click\")";
    static final int DEFAULT_THRESHOLD = 5;

    private Fixtures() {
    }

    static synchronized void seed() {
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            put(dynamoDb, item("berlin", "apple", "Apple", 0, "2026-11-20T10:00:00Z"));
            put(dynamoDb, item("berlin", "banana", "Banana", 3, "2026-11-21T10:00:00Z"));
            put(dynamoDb, item("berlin", "cherry", "Cherry", 50, "2026-11-22T10:00:00Z"));
            put(dynamoDb, item("berlin", "xss", XSS_NAME, 0, "2026-11-23T10:00:00Z"));
            put(dynamoDb, item("berlin", "formula", FORMULA_NAME, 10, "2026-11-24T10:00:00Z"));
            put(dynamoDb, item("paris", "baguette", "Baguette", 20, "2026-11-24T10:00:00Z"));
            importRecord(dynamoDb, "berlin", "2026-11-24T10:00:00Z", "berlin/stock.csv", "PARTIAL");
            importRecord(dynamoDb, "paris", "2026-11-24T10:00:00Z", "paris/stock.csv", "LOADED");
            groupedAlerts(dynamoDb, "paris");
            summarize(dynamoDb, "berlin", "2026-11-24T10:00:00.000Z", "PARTIAL");
            summarize(dynamoDb, "paris", "2026-11-24T10:00:00.000Z", "LOADED");
            // Forecasts as the notifier leaves them, relative to now: cherry and baguette run out within the 3-day
            // horizon (at risk), formula in 10 days (in the index, not at risk), banana has history but no forecast.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            forecast(dynamoDb, "berlin", "cherry", now, 90, 2.0, true);
            forecast(dynamoDb, "berlin", "formula", now, 20, 10.0, true);
            forecast(dynamoDb, "paris", "baguette", now, 40, 1.0, true);
            forecast(dynamoDb, "berlin", "banana", now, 3, null, false);
        }
    }

    /**
     * An item state with a falling history of 5 daily counts from {@code from} to the item's level and, when
     * {@code daysOfCover} is set, the forecast (indexed as at risk when {@code indexed}).
     */
    static void forecast(DynamoDbClient dynamoDb, String store, String item, Instant now, long from,
            Double daysOfCover, boolean indexed) {
        Map<String, AttributeValue> inventory = dynamoDb.getItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY)
                .key(Map.of("store_id", AttributeValue.fromS(store), "item_id", AttributeValue.fromS(item)))).item();
        long level = Long.parseLong(inventory.get("inventory_level").n());
        List<StockPoint> points = new ArrayList<>();
        for (int day = 4; day >= 0; day--) {
            points.add(new StockPoint(now.minus(day, ChronoUnit.DAYS).getEpochSecond(),
                    level + (from - level) * day / 4));
        }
        Map<String, AttributeValue> state = new HashMap<>(Map.of(
                ItemStatesTable.STORE_ID, AttributeValue.fromS(store),
                ItemStatesTable.ITEM_ID, AttributeValue.fromS(item),
                ItemStatesTable.VERSION, AttributeValue.fromS(ItemStatesTable.version("1")),
                ItemStatesTable.HISTORY, AttributeValue.fromB(SdkBytes.fromByteArray(StockHistory.of(points).encode()))));
        if (daysOfCover != null) {
            String out = Timestamps.format(now.plusSeconds(Math.round(daysOfCover * 86_400)));
            state.put(ItemStatesTable.EXPECTED_OUT_AT, AttributeValue.fromS(out));
            state.put(ItemStatesTable.DAYS_OF_COVER, AttributeValue.fromN(String.format(Locale.ROOT, "%.3f", daysOfCover)));
            state.put(ItemStatesTable.UNITS_PER_DAY, AttributeValue.fromN(String.format(Locale.ROOT, "%.3f",
                    level / daysOfCover)));
            state.put(ItemStatesTable.EPISODE_START, AttributeValue.fromS(Timestamps.format(now.minus(4,
                    ChronoUnit.DAYS))));
            if (indexed) {
                state.put(ItemStatesTable.AT_RISK_OUT_AT, AttributeValue.fromS(out));
            }
        }
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.ITEM_STATES).item(state));
    }

    static final String DIGEST_ID = "~digest#2026-11-24T10:00:00.000Z#2026-11-24T10:00:01.000Z#croissant#OUT_OF_STOCK";

    /**
     * A window as the notifier leaves it: one alert sent at once, two digested, one held for the next digest, the
     * window record and the digest record.
     */
    static void groupedAlerts(DynamoDbClient dynamoDb, String store) {
        alert(dynamoDb, store, "2026-11-24T10:00:00.000Z", "baguette", "Baguette", "SENT", Map.of());
        alert(dynamoDb, store, "2026-11-24T10:00:01.000Z", "croissant", "Croissant", "DIGESTED",
                Map.of(AlertsTable.DIGEST_ID, AttributeValue.fromS(DIGEST_ID)));
        alert(dynamoDb, store, "2026-11-24T10:00:02.000Z", "eclair", "Eclair", "DIGESTED",
                Map.of(AlertsTable.DIGEST_ID, AttributeValue.fromS(DIGEST_ID)));
        alert(dynamoDb, store, "2026-11-24T10:09:00.000Z", "macaron", "Macaron", "HELD",
                Map.of(AlertsTable.HELD_IN, AttributeValue.fromS(store)));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.ALERTS).item(Map.of(
                AlertsTable.STORE_ID, AttributeValue.fromS(store),
                AlertsTable.ALERT_ID, AttributeValue.fromS(AlertsTable.WINDOW_RECORD_ID),
                AlertsTable.WINDOW_START, AttributeValue.fromS("2026-11-24T10:08:00.000Z"),
                AlertsTable.WINDOW_END, AttributeValue.fromS("2026-11-24T10:13:00.000Z"),
                AlertsTable.SEEN, AttributeValue.fromN("11"))));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.ALERTS).item(Map.of(
                AlertsTable.STORE_ID, AttributeValue.fromS(store),
                AlertsTable.ALERT_ID, AttributeValue.fromS(DIGEST_ID),
                AlertsTable.ALERT_COUNT, AttributeValue.fromN("2"),
                AlertsTable.COUNTS, AttributeValue.fromM(Map.of("OUT_OF_STOCK", AttributeValue.fromN("2"))),
                AlertsTable.WINDOW_START, AttributeValue.fromS("2026-11-24T10:00:00.000Z"),
                AlertsTable.WINDOW_END, AttributeValue.fromS("2026-11-24T10:05:00.000Z"),
                AlertsTable.FIRST_ALERT_ID, AttributeValue.fromS("2026-11-24T10:00:01.000Z#croissant#OUT_OF_STOCK"),
                AlertsTable.LAST_ALERT_ID, AttributeValue.fromS("2026-11-24T10:00:02.000Z#eclair#OUT_OF_STOCK"),
                AlertsTable.DELIVERY, AttributeValue.fromS("SENT"),
                AlertsTable.DELIVERED_AT, AttributeValue.fromS("2026-11-24T10:05:30.000Z"))));
    }

    private static void alert(DynamoDbClient dynamoDb, String store, String at, String item, String name,
            String delivery, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> record = new java.util.HashMap<>(Map.of(
                AlertsTable.STORE_ID, AttributeValue.fromS(store),
                AlertsTable.ALERT_ID, AttributeValue.fromS(at + "#" + item + "#OUT_OF_STOCK"),
                AlertsTable.ITEM_ID, AttributeValue.fromS(item),
                AlertsTable.ITEM_NAME, AttributeValue.fromS(name),
                AlertsTable.ALERT_TYPE, AttributeValue.fromS("OUT_OF_STOCK"),
                AlertsTable.OLD_LEVEL, AttributeValue.fromN("4"),
                AlertsTable.NEW_LEVEL, AttributeValue.fromN("0"),
                AlertsTable.OCCURRED_AT, AttributeValue.fromS(at),
                AlertsTable.DELIVERY, AttributeValue.fromS(delivery)));
        record.putAll(extra);
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.ALERTS).item(record));
    }

    /**
     * Writes the store's registry item as the notifier would: the counters recounted from the table (its summary
     * consumer), the last import (its imports consumer).
     */
    static void summarize(DynamoDbClient dynamoDb, String store, String lastImportAt, String lastImportStatus) {
        long[] counts = new long[4];
        dynamoDb.queryPaginator(b -> b.tableName(DynamoDbLocalResource.INVENTORY).consistentRead(true)
                .keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store)))).items().forEach(item -> {
                    counts[0]++;
                    AttributeValue status = item.get(InventoryTable.STOCK_STATUS);
                    counts[status == null ? 3 : "OUT_OF_STOCK".equals(status.s()) ? 1 : 2]++;
                });
        Map<String, AttributeValue> registry = new HashMap<>(Map.of(
                StoresTable.STORE_ID, AttributeValue.fromS(store),
                StoresTable.REGISTRY, AttributeValue.fromS(StoresTable.REGISTRY_PARTITION),
                StoresTable.ITEMS, AttributeValue.fromN(Long.toString(counts[0])),
                StoresTable.OUT_OF_STOCK, AttributeValue.fromN(Long.toString(counts[1])),
                StoresTable.LOW_STOCK, AttributeValue.fromN(Long.toString(counts[2])),
                StoresTable.IN_STOCK, AttributeValue.fromN(Long.toString(counts[3])),
                StoresTable.SUMMARY_UPDATED_AT, AttributeValue.fromS(lastImportAt)));
        if (lastImportAt != null) {
            registry.put(StoresTable.LAST_IMPORT_AT, AttributeValue.fromS(lastImportAt));
            registry.put(StoresTable.LAST_IMPORT_STATUS, AttributeValue.fromS(lastImportStatus));
        }
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.STORES).item(registry));
    }

    static InventoryItem item(String store, String id, String name, long level, String updated) {
        return new InventoryItem(store, id, name, level, Instant.parse(updated), OptionalInt.empty(),
                "s3://bucket/" + store + "/stock.csv");
    }

    /** Puts the item and its search-token rows (as the notifier's search consumer would). */
    static void put(DynamoDbClient dynamoDb, InventoryItem item) {
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY)
                .item(InventoryItemAttributes.toAttributes(item, DEFAULT_THRESHOLD)));
        for (String token : SearchTokensTable.tokens(item.itemId(), item.itemName())) {
            dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.SEARCH).item(Map.of(
                    SearchTokensTable.STORE_ID, AttributeValue.fromS(item.storeId()),
                    SearchTokensTable.TOKEN_KEY, AttributeValue.fromS(SearchTokensTable.tokenKey(token, item.itemId())),
                    SearchTokensTable.ITEM_ID, AttributeValue.fromS(item.itemId()),
                    SearchTokensTable.ITEM_NAME, AttributeValue.fromS(item.itemName()))));
        }
    }

    static void importRecord(DynamoDbClient dynamoDb, String store, String startedAt, String key, String status) {
        AttributeValue error = AttributeValue.fromM(Map.of(
                ImportsTable.ERROR_ROW, AttributeValue.fromN("7"),
                ImportsTable.ERROR_FIELD, AttributeValue.fromS("inventory_level"),
                ImportsTable.ERROR_REASON, AttributeValue.fromS("must be a whole number from 0, got -1")));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.IMPORTS).item(Map.ofEntries(
                Map.entry(ImportsTable.STORE_ID, AttributeValue.fromS(store)),
                Map.entry(ImportsTable.IMPORT_ID, AttributeValue.fromS(startedAt + "#" + key)),
                Map.entry(ImportsTable.STATUS, AttributeValue.fromS(status)),
                Map.entry(ImportsTable.OBJECT_KEY, AttributeValue.fromS(key)),
                Map.entry(ImportsTable.STARTED_AT, AttributeValue.fromS(startedAt)),
                Map.entry(ImportsTable.ROWS_READ, AttributeValue.fromN("6")),
                Map.entry(ImportsTable.ROWS_WRITTEN, AttributeValue.fromN("5")),
                Map.entry(ImportsTable.ROWS_REJECTED, AttributeValue.fromN(status.equals("PARTIAL") ? "1" : "0")),
                Map.entry(ImportsTable.ERRORS, AttributeValue.fromL(status.equals("PARTIAL") ? List.of(error) : List.of())),
                Map.entry(ImportsTable.WARNINGS, AttributeValue.fromL(List.of(AttributeValue.fromS("Column colour is not used and was ignored.")))))));
    }
}
