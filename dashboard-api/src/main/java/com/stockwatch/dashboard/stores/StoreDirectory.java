package com.stockwatch.dashboard.stores;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.dashboard.access.StoreAccess;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The stores a user may see. A store user: the stores of their groups, no database read. An admin: every known
 * store, which is {@code inventory.dashboard.known-stores} plus every store that has an import record.
 *
 * <p>Why the imports table: the data model has no list of stores, and collecting the distinct {@code store_id}s of
 * {@code Inventory} means scanning every item (10,000 items per store). {@code InventoryImports} holds one small
 * record per processed file, so a scan projecting only {@code store_id} reads a small fraction of that; the result
 * is cached for {@link DashboardConfig#storesCacheTtl()}. A store whose items arrived without any import record
 * (never the case through the loader) is listed once it is named in {@code known-stores}.
 */
@ApplicationScoped
public class StoreDirectory {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DashboardConfig config;
    private volatile Set<String> cached;
    private volatile Instant cachedUntil = Instant.EPOCH;

    public StoreDirectory(DynamoDbClient dynamoDb, TableNames tables, DashboardConfig config) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.config = config;
    }

    /** The stores the user may see, sorted. */
    public java.util.List<String> visibleStores(StoreAccess access) {
        return java.util.List.copyOf(new TreeSet<>(access.isAdmin() ? allStores() : access.grantedStores()));
    }

    Set<String> allStores() {
        Instant now = Instant.now();
        Set<String> stores = cached;
        if (stores != null && cachedUntil.isAfter(now)) {
            return stores;
        }
        Set<String> found = new TreeSet<>(config.knownStores().orElse(java.util.List.of()));
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse response = dynamoDb.scan(b -> b.tableName(tables.imports())
                    .projectionExpression("#store")
                    .expressionAttributeNames(Map.of("#store", ImportsTable.STORE_ID))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> {
                AttributeValue store = item.get(ImportsTable.STORE_ID);
                if (store != null && StoreAccess.isValidStoreId(store.s())) {
                    found.add(store.s());
                }
            });
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        Set<String> result = Set.copyOf(found);
        cached = result;
        cachedUntil = now.plus(config.storesCacheTtl());
        return result;
    }
}
