package com.stockwatch.dashboard.stores;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.dashboard.access.StoreAccess;
import com.stockwatch.dashboard.inventory.BadParameterException;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The stores a user may see, from the store registry {@code InventoryStores}; never a scan. A store user: the stores
 * of their groups (their summaries by BatchGetItem). An admin: every store of the registry, paged through the
 * registry's indexes on the constant {@code registry} partition (by store id, or most out of stock first), plus
 * {@code inventory.dashboard.known-stores} in the store list.
 */
@ApplicationScoped
public class StoreDirectory {

    /** Orders of the overview, as written in its {@code sort} parameter. */
    public enum Order {
        STORE("store"), OUT_OF_STOCK("out_of_stock");

        private final String parameter;

        Order(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Order parse(String value) {
            if (value == null || value.isBlank()) {
                return STORE;
            }
            for (Order order : values()) {
                if (order.parameter.equals(value.strip())) {
                    return order;
                }
            }
            throw new BadParameterException("sort", "sort must be store or out_of_stock.");
        }
    }

    /** One store as the overview shows it. */
    public record StoreRow(String store, long items, long outOfStock, long low, long inStock, Instant lastImportAt,
            String lastImportStatus, Instant staleSince, Instant reconciledAt) {

        public boolean stale() {
            return staleSince != null;
        }
    }

    /** One page of the overview and the cursor of the next, if any. */
    public record StorePage(List<StoreRow> rows, Optional<String> nextCursor) {
    }

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
    public List<String> visibleStores(StoreAccess access) {
        return List.copyOf(new TreeSet<>(access.isAdmin() ? allStores() : access.grantedStores()));
    }

    /** One page of the stores the user may see, with their summaries and last imports. */
    public StorePage overview(StoreAccess access, Order order, String cursor, int limit) {
        if (!access.isAdmin()) {
            List<StoreRow> rows = new ArrayList<>(summaries(new TreeSet<>(access.grantedStores())));
            if (order == Order.OUT_OF_STOCK) {
                rows.sort(Comparator.comparingLong(StoreRow::outOfStock).reversed()
                        .thenComparing(StoreRow::store));
            }
            return new StorePage(rows, Optional.empty());
        }
        String index = order == Order.STORE ? StoresTable.BY_STORE_INDEX : StoresTable.BY_OUT_OF_STOCK_INDEX;
        Map<String, AttributeValue> start = cursor == null || cursor.isBlank() ? null : decode(cursor, order);
        QueryResponse response = dynamoDb.query(b -> b.tableName(tables.stores()).indexName(index)
                .keyConditionExpression("#registry = :registry")
                .expressionAttributeNames(Map.of("#registry", StoresTable.REGISTRY))
                .expressionAttributeValues(Map.of(":registry",
                        AttributeValue.fromS(StoresTable.REGISTRY_PARTITION)))
                .scanIndexForward(order == Order.STORE)
                .limit(limit + 1)
                .exclusiveStartKey(start));
        List<Map<String, AttributeValue>> items = response.items();
        List<StoreRow> rows = items.stream().limit(limit).map(StoreDirectory::row).toList();
        Optional<String> next = items.size() > limit
                ? Optional.of(encode(items.get(limit - 1), order))
                : Optional.empty();
        return new StorePage(rows, next);
    }

    Set<String> allStores() {
        Instant now = Instant.now();
        Set<String> stores = cached;
        if (stores != null && cachedUntil.isAfter(now)) {
            return stores;
        }
        Set<String> found = new TreeSet<>(config.knownStores().orElse(List.of()));
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(b -> b.tableName(tables.stores())
                    .indexName(StoresTable.BY_STORE_INDEX)
                    .keyConditionExpression("#registry = :registry")
                    .projectionExpression("#store")
                    .expressionAttributeNames(Map.of("#registry", StoresTable.REGISTRY,
                            "#store", StoresTable.STORE_ID))
                    .expressionAttributeValues(Map.of(":registry",
                            AttributeValue.fromS(StoresTable.REGISTRY_PARTITION)))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> {
                AttributeValue store = item.get(StoresTable.STORE_ID);
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

    private List<StoreRow> summaries(Set<String> stores) {
        Map<String, StoreRow> found = new HashMap<>();
        List<String> ids = List.copyOf(stores);
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(s -> Map.of(StoresTable.STORE_ID, AttributeValue.fromS(s))).toList();
            Map<String, KeysAndAttributes> request = Map.of(tables.stores(),
                    KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(tables.stores(), List.of())
                        .forEach(item -> found.put(item.get(StoresTable.STORE_ID).s(), row(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return ids.stream().map(s -> found.getOrDefault(s, new StoreRow(s, 0, 0, 0, 0, null, null, null, null)))
                .toList();
    }

    private static StoreRow row(Map<String, AttributeValue> item) {
        return new StoreRow(item.get(StoresTable.STORE_ID).s(), number(item, StoresTable.ITEMS),
                number(item, StoresTable.OUT_OF_STOCK), number(item, StoresTable.LOW_STOCK),
                number(item, StoresTable.IN_STOCK), instant(item, StoresTable.LAST_IMPORT_AT),
                Optional.ofNullable(item.get(StoresTable.LAST_IMPORT_STATUS)).map(AttributeValue::s).orElse(null),
                instant(item, StoresTable.STALE_SINCE), instant(item, StoresTable.RECONCILED_AT));
    }

    /** The cursor after {@code last}: its store id and, for the out-of-stock order, its count. */
    private static String encode(Map<String, AttributeValue> last, Order order) {
        String text = last.get(StoresTable.STORE_ID).s()
                + (order == Order.OUT_OF_STOCK ? "\n" + number(last, StoresTable.OUT_OF_STOCK) : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, Order order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
            if (!StoreAccess.isValidStoreId(parts[0]) || parts.length != (order == Order.OUT_OF_STOCK ? 2 : 1)) {
                throw new IllegalArgumentException("bad cursor");
            }
            Map<String, AttributeValue> key = new HashMap<>(Map.of(
                    StoresTable.STORE_ID, AttributeValue.fromS(parts[0]),
                    StoresTable.REGISTRY, AttributeValue.fromS(StoresTable.REGISTRY_PARTITION)));
            if (order == Order.OUT_OF_STOCK) {
                key.put(StoresTable.OUT_OF_STOCK, AttributeValue.fromN(Long.toString(Long.parseLong(parts[1]))));
            }
            return key;
        } catch (RuntimeException e) {
            throw new BadParameterException("cursor", "cursor is not valid; start again from the first page.");
        }
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : Instant.parse(value.s());
    }
}
