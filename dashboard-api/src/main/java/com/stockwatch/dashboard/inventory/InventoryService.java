package com.stockwatch.dashboard.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.StockStatus;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads a store's items for the pages, the CSV export and the API. Every read is a DynamoDB {@code Query} on one
 * store's partition, never a {@code Scan}:
 * <ul>
 * <li>all items, or "in stock" (a filter on the absent sparse {@code stock_status}), in item-id order: paged by
 * DynamoDB itself, the cursor becoming {@code ExclusiveStartKey};</li>
 * <li>"out of stock" and "low": the sparse index {@code by_stock_status}, which holds only these items;</li>
 * <li>sorted by name, level or last update: the matching items are read and sorted in memory (at most
 * {@link DashboardConfig#maxSortedItems()}), the cursor holding the last item's sort value and id.</li>
 * </ul>
 */
@ApplicationScoped
public class InventoryService {

    private static final int FILTERED_QUERY_LIMIT = 500;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final StockRules rules;
    private final DashboardConfig config;
    private final Map<String, CachedTotals> totalsCache = new ConcurrentHashMap<>();

    public InventoryService(DynamoDbClient dynamoDb, TableNames tables, StockRules rules, DashboardConfig config) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.rules = rules;
        this.config = config;
    }

    /** One page of the view. */
    public ItemPage page(ItemQuery query) {
        return query.pagesInKeyOrder() ? keyOrderPage(query) : sortedPage(query);
    }

    /** One item, if the store has it. */
    public Optional<ItemView> item(String store, String itemId) {
        Map<String, AttributeValue> attributes = dynamoDb.getItem(b -> b.tableName(tables.inventory())
                .key(Map.of(InventoryTable.STORE_ID, AttributeValue.fromS(store),
                        InventoryTable.ITEM_ID, AttributeValue.fromS(itemId))))
                .item();
        return attributes == null || attributes.isEmpty() ? Optional.empty() : Optional.of(view(attributes));
    }

    /** Items, out of stock and low of the whole store; reused for {@link DashboardConfig#totalsCacheTtl()}. */
    public Totals totals(String store) {
        Instant now = Instant.now();
        CachedTotals cached = totalsCache.get(store);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.totals();
        }
        Totals totals = new Totals(count(store, null), count(store, StockStatus.OUT_OF_STOCK),
                count(store, StockStatus.LOW));
        totalsCache.put(store, new CachedTotals(totals, now.plus(config.totalsCacheTtl())));
        return totals;
    }

    /**
     * Every item of the view from its cursor on, at most {@code maxRows}, for the CSV export; {@code sink} gets
     * them in order.
     */
    public void export(ItemQuery query, int maxRows, java.util.function.Consumer<ItemView> sink) {
        if (!query.pagesInKeyOrder()) {
            sortedAfterCursor(query).stream().limit(maxRows).forEach(sink);
            return;
        }
        ItemQuery pageQuery = new ItemQuery(query.store(), query.status(), query.search(), query.sort(),
                query.descending(), query.cursor(), Math.min(maxRows, 1000));
        int written = 0;
        while (true) {
            ItemPage page = page(pageQuery);
            for (ItemView item : page.items()) {
                if (written++ >= maxRows) {
                    return;
                }
                sink.accept(item);
            }
            if (page.nextCursor().isEmpty()) {
                return;
            }
            pageQuery = new ItemQuery(query.store(), query.status(), query.search(), query.sort(),
                    query.descending(), Optional.of(Cursor.decode(page.nextCursor().get())), pageQuery.limit());
        }
    }

    private ItemPage keyOrderPage(ItemQuery query) {
        boolean filtered = !query.search().isEmpty() || query.status().isPresent();
        Map<String, AttributeValue> start = query.cursor()
                .map(c -> Map.of(InventoryTable.STORE_ID, AttributeValue.fromS(query.store()),
                        InventoryTable.ITEM_ID, AttributeValue.fromS(c.itemId())))
                .orElse(null);
        List<ItemView> items = new ArrayList<>(query.limit());
        boolean more = false;
        do {
            QueryResponse response = dynamoDb.query(mainTableQuery(query.store(), query.status(), start)
                    .scanIndexForward(!query.descending())
                    .limit(filtered ? FILTERED_QUERY_LIMIT : query.limit() + 1)
                    .build());
            for (Map<String, AttributeValue> attributes : response.items()) {
                ItemView item = view(attributes);
                if (!item.matches(query.search())) {
                    continue;
                }
                if (items.size() == query.limit()) {
                    more = true;
                    break;
                }
                items.add(item);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (!more && start != null);
        return new ItemPage(items, more ? Optional.of(cursor(query, items.get(items.size() - 1))) : Optional.empty());
    }

    private ItemPage sortedPage(ItemQuery query) {
        List<ItemView> items = new ArrayList<>(query.limit());
        boolean more = false;
        for (ItemView item : sortedAfterCursor(query)) {
            if (items.size() == query.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new ItemPage(items, more ? Optional.of(cursor(query, items.get(items.size() - 1))) : Optional.empty());
    }

    /** The matching items in the view's order, from just after the cursor. */
    private List<ItemView> sortedAfterCursor(ItemQuery query) {
        List<ItemView> matching = readAll(query);
        Comparator<ItemView> order = query.sort().comparator();
        if (query.descending()) {
            order = order.reversed();
        }
        matching.sort(order);
        if (query.cursor().isEmpty()) {
            return matching;
        }
        ItemView last = cursorItem(query.sort(), query.cursor().get());
        int from = 0;
        while (from < matching.size() && order.compare(matching.get(from), last) <= 0) {
            from++;
        }
        return matching.subList(from, matching.size());
    }

    private List<ItemView> readAll(ItemQuery query) {
        List<ItemView> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = query.status()
                    .filter(s -> s != StockStatus.IN_STOCK)
                    .map(s -> statusIndexQuery(query.store(), s))
                    .orElseGet(() -> mainTableQuery(query.store(), query.status(), null));
            QueryResponse response = dynamoDb.query(request.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> attributes : response.items()) {
                ItemView item = view(attributes);
                if (item.matches(query.search())) {
                    items.add(item);
                }
            }
            if (items.size() > config.maxSortedItems()) {
                throw new BadParameterException(query.status().isPresent() && query.sort().isKeyOrder()
                        ? "status" : "sort",
                        "This view has more than " + config.maxSortedItems()
                                + " items to sort; search or filter first, or sort by item.");
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return items;
    }

    private QueryRequest.Builder mainTableQuery(String store, Optional<StockStatus> status,
            Map<String, AttributeValue> start) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tables.inventory())
                .keyConditionExpression("#store = :store")
                .exclusiveStartKey(start);
        Map<String, String> names = new HashMap<>(Map.of("#store", InventoryTable.STORE_ID));
        if (status.isPresent() && status.get() == StockStatus.IN_STOCK) {
            names.put("#status", InventoryTable.STOCK_STATUS);
            request.filterExpression("attribute_not_exists(#status)");
        }
        return request.expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)));
    }

    private QueryRequest.Builder statusIndexQuery(String store, StockStatus status) {
        return QueryRequest.builder()
                .tableName(tables.inventory())
                .indexName(InventoryTable.STATUS_INDEX)
                .keyConditionExpression("#store = :store AND #status = :status")
                .expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID,
                        "#status", InventoryTable.STOCK_STATUS))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store),
                        ":status", AttributeValue.fromS(status.indexValue().orElseThrow())));
    }

    private long count(String store, StockStatus status) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = status == null
                    ? mainTableQuery(store, Optional.empty(), null)
                    : statusIndexQuery(store, status);
            QueryResponse response = dynamoDb.query(request.select(Select.COUNT).exclusiveStartKey(start).build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return count;
    }

    private ItemView view(Map<String, AttributeValue> attributes) {
        return ItemView.of(InventoryItemAttributes.fromAttributes(attributes), rules.defaultLowStockThreshold());
    }

    private static String cursor(ItemQuery query, ItemView last) {
        String sortValue = query.pagesInKeyOrder() ? null : query.sort().sortValue(last);
        return new Cursor(query.store(), query.viewKey(), last.itemId(), sortValue).encode();
    }

    /** A stand-in item carrying the cursor's sort value, to compare the sorted items against. */
    private static ItemView cursorItem(ItemSort sort, Cursor cursor) {
        String value = cursor.sortValue() == null ? cursor.itemId() : cursor.sortValue();
        try {
            return switch (sort) {
                case ITEM -> stub(cursor.itemId(), "", 0, Instant.EPOCH);
                case NAME -> stub(cursor.itemId(), value, 0, Instant.EPOCH);
                case LEVEL -> stub(cursor.itemId(), "", Long.parseLong(value), Instant.EPOCH);
                case UPDATED -> stub(cursor.itemId(), "", 0, Instant.parse(value));
            };
        } catch (RuntimeException e) {
            throw new BadParameterException("cursor", "cursor is not valid; start again from the first page.");
        }
    }

    private static ItemView stub(String itemId, String name, long level, Instant updated) {
        return new ItemView("", itemId, name, level, updated, 0, StockStatus.IN_STOCK, "");
    }

    private record CachedTotals(Totals totals, Instant expiresAt) {
    }
}
