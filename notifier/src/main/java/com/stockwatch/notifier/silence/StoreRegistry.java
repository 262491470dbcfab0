package com.stockwatch.notifier.silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The notifier's part of the store registry {@code InventoryStores}: it writes each store's last finished import and
 * its staleness ({@code stale_since}), and reads {@code expected_interval_hours}. The counters belong to the summary
 * consumer; every write here touches only its own attributes.
 */
public class StoreRegistry {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public StoreRegistry(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * What the notifier knows of a store.
     *
     * @param storeId               the store
     * @param lastImportAt          file time of its newest finished import
     * @param lastImportFile        that import's file
     * @param staleSince            when it was found silent, while it is
     * @param expectedIntervalHours its own expected interval between files, if set
     */
    public record Store(String storeId, Optional<Instant> lastImportAt, Optional<String> lastImportFile,
            Optional<Instant> staleSince, OptionalLong expectedIntervalHours) {
    }

    /** The store's record (strongly consistent), or empty. */
    public Optional<Store> read(String storeId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(storeId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(store(item));
    }

    /**
     * Records a finished import as the store's last one if it is the newest (by file time; the same import again
     * changes nothing), and ends the store's silence when {@code endSilence}.
     *
     * @return whether it was the newest
     */
    public boolean recordImport(String storeId, Instant fileTime, String importId, String status, String file,
            boolean endSilence) {
        Map<String, String> names = new HashMap<>(Map.of("#at", StoresTable.LAST_IMPORT_AT,
                "#id", StoresTable.LAST_IMPORT_ID, "#status", StoresTable.LAST_IMPORT_STATUS,
                "#file", StoresTable.LAST_IMPORT_FILE, "#registry", StoresTable.REGISTRY));
        String update = "SET #at = :at, #id = :id, #status = :status, #file = :file, "
                + "#registry = if_not_exists(#registry, :registry)";
        if (endSilence) {
            update += " REMOVE #stale";
            names.put("#stale", StoresTable.STALE_SINCE);
        }
        String expression = update;
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(storeId)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_not_exists(#at) OR #at <= :at")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(Timestamps.format(fileTime)),
                            ":id", AttributeValue.fromS(importId), ":status", AttributeValue.fromS(status),
                            ":file", AttributeValue.fromS(file),
                            ":registry", AttributeValue.fromS(StoresTable.REGISTRY_PARTITION))));
            return true;
        } catch (ConditionalCheckFailedException older) {
            return false;
        }
    }

    /**
     * Stores whose newest import is older than {@code cutoff}: one Query of index {@code by_last_import} (never a
     * scan), oldest first.
     */
    public List<Store> importedBefore(Instant cutoff) {
        List<Store> stores = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).indexName(StoresTable.BY_LAST_IMPORT_INDEX)
                    .keyConditionExpression("#registry = :registry AND #at < :cutoff")
                    .expressionAttributeNames(Map.of("#registry", StoresTable.REGISTRY,
                            "#at", StoresTable.LAST_IMPORT_AT))
                    .expressionAttributeValues(Map.of(
                            ":registry", AttributeValue.fromS(StoresTable.REGISTRY_PARTITION),
                            ":cutoff", AttributeValue.fromS(Timestamps.format(cutoff))))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> stores.add(store(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return stores;
    }

    /** Marks the store silent since {@code now}, unless a file arrived meanwhile or it is already marked. */
    public boolean markStale(String storeId, Instant lastImportAt, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(storeId)))
                    .updateExpression("SET #stale = :now")
                    .conditionExpression("#at = :at AND attribute_not_exists(#stale)")
                    .expressionAttributeNames(Map.of("#stale", StoresTable.STALE_SINCE,
                            "#at", StoresTable.LAST_IMPORT_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(Timestamps.format(now)),
                            ":at", AttributeValue.fromS(Timestamps.format(lastImportAt)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Store store(Map<String, AttributeValue> item) {
        AttributeValue interval = item.get(StoresTable.EXPECTED_INTERVAL_HOURS);
        OptionalLong hours = OptionalLong.empty();
        if (interval != null && interval.n() != null) {
            try {
                hours = OptionalLong.of(Long.parseLong(interval.n()));
            } catch (NumberFormatException notWhole) {
                hours = OptionalLong.empty(); // an operator's typo: the default applies
            }
        }
        return new Store(item.get(StoresTable.STORE_ID).s(), instant(item, StoresTable.LAST_IMPORT_AT),
                Optional.ofNullable(item.get(StoresTable.LAST_IMPORT_FILE)).map(AttributeValue::s),
                instant(item, StoresTable.STALE_SINCE), hours);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(Instant.parse(value.s()));
    }
}
