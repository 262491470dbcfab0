package com.stockwatch.dashboard.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.stockwatch.forecast.ForecastSettings;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.StockStatus;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a store's items for the pages, the CSV export and the API. Every view reads in proportion to its page, never
 * the whole store:
 * <ul>
 * <li>all items, item-id order: the table itself, {@code Limit} = page + 1;</li>
 * <li>"out of stock" and "low": the sparse index {@code by_stock_status}, which holds only these items;</li>
 * <li>"in stock" (absent sparse status): the table with a filter, at most {@link #FILTER_READ_BUDGET} items read per
 * request; a page that runs out of budget ends early with a cursor;</li>
 * <li>sorted by level or name: the keys-only indexes {@code by_level} / {@code by_name}, then one BatchGetItem of the
 * page's items;</li>
 * <li>search: the name-token index {@code InventorySearch} (the key range of the token prefix), then one BatchGetItem.
 * </li>
 * <li>"at risk": the sparse keys-only index {@code by_expected_out} of {@code InventoryItemStates} up to now + the
 * forecast horizon, soonest first, then one BatchGetItem of the page's items.</li>
 * </ul>
 * Every page's items get their days of cover and expected stock-out from their states: one more BatchGetItem.
 * Totals come from the store's summary in {@code InventoryStores}: one GetItem.
 */
@ApplicationScoped
public class InventoryService {

    /** U+10FFFF, the greatest code point: {@code prefix + LAST_CODE_POINT} bounds every key that starts with prefix. */
    private static final String LAST_CODE_POINT = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** Most items one filtered request reads before it ends its page early. */
    static final int FILTER_READ_BUDGET = 2000;
    private static final int FILTER_QUERY_LIMIT = 500;
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final StockRules rules;

    private final ForecastSettings forecast;
    private final Clock clock;

    @Inject
    public InventoryService(DynamoDbClient dynamoDb, TableNames tables, StockRules rules, ForecastSettings forecast) {
        this(dynamoDb, tables, rules, forecast, Clock.systemUTC());
    }

    InventoryService(DynamoDbClient dynamoDb, TableNames tables, StockRules rules, ForecastSettings forecast,
            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.rules = rules;
        this.forecast = forecast;
        this.clock = clock;
    }

    /** One page of the view, each item with its forecast. */
    public ItemPage page(ItemQuery query) {
        ItemPage page = itemsOf(query);
        return new ItemPage(withForecasts(query.store(), page.items()), page.nextCursor());
    }

    private ItemPage itemsOf(ItemQuery query) {
        if (!query.search().isEmpty()) {
            return searchPage(query);
        }
        if (query.atRisk()) {
            return indexPage(query, atRiskQuery(query.store()), ItemStatesTable.AT_RISK_OUT_AT, false);
        }
        if (query.status().isPresent() && query.status().get() != StockStatus.IN_STOCK) {
            return indexPage(query, statusIndexQuery(query.store(), query.status().get()),
                    InventoryTable.STOCK_STATUS, false);
        }
        return switch (query.sort()) {
            case ITEM -> keyOrderPage(query);
            case LEVEL -> indexPage(query, sortIndexQuery(query.store(), InventoryTable.LEVEL_INDEX), InventoryTable.INVENTORY_LEVEL, true);
            case NAME -> indexPage(query, sortIndexQuery(query.store(), InventoryTable.NAME_INDEX), InventoryTable.ITEM_NAME, false);
        };
    }

    /** One item, if the store has it. */
    public Optional<ItemView> item(String store, String itemId) {
        ItemIds.requireValid(itemId, "item");
        Map<String, AttributeValue> attributes = dynamoDb.getItem(b -> b.tableName(tables.inventory())
                .key(itemKey(store, itemId)))
                .item();
        return attributes == null || attributes.isEmpty() ? Optional.empty()
                : Optional.of(withForecasts(store, List.of(view(attributes))).get(0));
    }

    /** An item's level history and forecast, as its state holds them; empty before its first level change. */
    public ItemHistory history(String store, String itemId) {
        ItemIds.requireValid(itemId, "item");
        Map<String, AttributeValue> state = dynamoDb.getItem(b -> b.tableName(tables.itemStates())
                .key(itemKey(store, itemId))
                .projectionExpression("#h, #o, #c, #r, #e")
                .expressionAttributeNames(Map.of("#h", ItemStatesTable.HISTORY, "#o", ItemStatesTable.EXPECTED_OUT_AT,
                        "#c", ItemStatesTable.DAYS_OF_COVER, "#r", ItemStatesTable.UNITS_PER_DAY,
                        "#e", ItemStatesTable.EPISODE_START)))
                .item();
        return ItemHistory.of(state);
    }

    /**
     * The items with days of cover and expected stock-out from their states: one BatchGetItem of the page's states
     * (projected to those two attributes).
     */
    private List<ItemView> withForecasts(String store, List<ItemView> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<String, Map<String, AttributeValue>> states = batchGet(tables.itemStates(), store,
                items.stream().map(ItemView::itemId).toList(), request -> request
                        .projectionExpression("#i, #o, #c")
                        .expressionAttributeNames(Map.of("#i", ItemStatesTable.ITEM_ID,
                                "#o", ItemStatesTable.EXPECTED_OUT_AT, "#c", ItemStatesTable.DAYS_OF_COVER)));
        List<ItemView> decorated = new ArrayList<>(items.size());
        for (ItemView item : items) {
            Map<String, AttributeValue> state = states.get(item.itemId());
            AttributeValue out = state == null ? null : state.get(ItemStatesTable.EXPECTED_OUT_AT);
            AttributeValue cover = state == null ? null : state.get(ItemStatesTable.DAYS_OF_COVER);
            decorated.add(out == null || cover == null || item.inventoryLevel() == 0 ? item
                    : item.withForecast(Double.parseDouble(cover.n()), Instant.parse(out.s())));
        }
        return decorated;
    }

    /** Items, out of stock, low and in stock of the whole store: its summary in the registry, one GetItem. */
    public Totals totals(String store) {
        Map<String, AttributeValue> summary = dynamoDb.getItem(b -> b.tableName(tables.stores())
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store)))
                .projectionExpression("#i, #o, #l, #n, #r")
                .expressionAttributeNames(Map.of("#i", StoresTable.ITEMS, "#o", StoresTable.OUT_OF_STOCK,
                        "#l", StoresTable.LOW_STOCK, "#n", StoresTable.IN_STOCK, "#r", StoresTable.RECONCILED_AT)))
                .item();
        if (summary == null || summary.isEmpty()) {
            return Totals.NONE;
        }
        AttributeValue reconciled = summary.get(StoresTable.RECONCILED_AT);
        return new Totals(number(summary, StoresTable.ITEMS), number(summary, StoresTable.OUT_OF_STOCK),
                number(summary, StoresTable.LOW_STOCK), number(summary, StoresTable.IN_STOCK),
                reconciled == null ? null : Instant.parse(reconciled.s()));
    }

    /** Pages of an export part: small, so the part's size is checked often. */
    static final int EXPORT_PAGE = 200;

    /**
     * The items of the view from its cursor on, page by page, until {@code maxRows} rows or {@code more} says stop
     * (checked after each page of {@link #EXPORT_PAGE}); {@code sink} gets them in order. Returns the cursor after
     * the last item written when items are left, else empty.
     */
    public Optional<String> export(ItemQuery query, int maxRows, java.util.function.BooleanSupplier more,
            Consumer<ItemView> sink) {
        ItemQuery pageQuery = query;
        int written = 0;
        while (true) {
            ItemPage page = page(pageQuery.withLimit(Math.min(EXPORT_PAGE, maxRows - written)));
            page.items().forEach(sink);
            written += page.items().size();
            if (page.nextCursor().isEmpty()) {
                return Optional.empty();
            }
            if (written >= maxRows || !more.getAsBoolean()) {
                return page.nextCursor();
            }
            pageQuery = pageQuery.withCursor(Cursor.decode(page.nextCursor().get()));
        }
    }

    private ItemPage keyOrderPage(ItemQuery query) {
        boolean inStockOnly = query.status().isPresent();
        Map<String, AttributeValue> start = query.cursor().map(c -> itemKey(query.store(), c.itemId())).orElse(null);
        List<ItemView> items = new ArrayList<>(query.limit());
        boolean more = false;
        int read = 0;
        Map<String, AttributeValue> lastRead = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tables.inventory())
                    .keyConditionExpression("#store = :store")
                    .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(query.store())))
                    .scanIndexForward(!query.descending())
                    .exclusiveStartKey(start);
            if (inStockOnly) {
                request.filterExpression("attribute_not_exists(#status)")
                        .expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID,
                                "#status", InventoryTable.STOCK_STATUS))
                        // Twice the page first (most items are in stock), then larger steps up to the budget.
                        .limit(read == 0 ? 2 * (query.limit() + 1)
                                : Math.min(FILTER_QUERY_LIMIT, FILTER_READ_BUDGET - read));
            } else {
                request.expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID)).limit(query.limit() + 1);
            }
            QueryResponse response = dynamoDb.query(request.build());
            read += response.scannedCount();
            for (Map<String, AttributeValue> attributes : response.items()) {
                if (items.size() == query.limit()) {
                    more = true;
                    break;
                }
                items.add(view(attributes));
                lastRead = attributes;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            if (!more && start != null && read >= FILTER_READ_BUDGET) {
                // Budget spent: end the page here; the next one starts after the last item read.
                String after = start.get(InventoryTable.ITEM_ID).s();
                return new ItemPage(items, Optional.of(new Cursor(query.store(), query.viewKey(), after, null)
                        .encode()));
            }
        } while (!more && start != null);
        return new ItemPage(items, more ? Optional.of(cursor(query, lastRead, null)) : Optional.empty());
    }

    /**
     * A page from a keys-only or sparse index of {@code Inventory} whose sort attribute is {@code sortAttribute}:
     * keys of page + 1 items, then the page's items by key.
     */
    private ItemPage indexPage(ItemQuery query, QueryRequest.Builder request, String sortAttribute, boolean numeric) {
        Map<String, AttributeValue> start = query.cursor().map(c -> {
            Map<String, AttributeValue> key = new HashMap<>(itemKey(query.store(), c.itemId()));
            if (c.sortValue() == null) {
                throw new BadParameterException("cursor", "cursor is not valid; start again from the first page.");
            }
            key.put(sortAttribute, numeric ? AttributeValue.fromN(c.sortValue()) : AttributeValue.fromS(c.sortValue()));
            return key;
        }).orElse(null);
        QueryResponse response = dynamoDb.query(request.scanIndexForward(!query.descending())
                .limit(query.limit() + 1).exclusiveStartKey(start).build());
        List<Map<String, AttributeValue>> keys = response.items();
        boolean more = keys.size() > query.limit();
        List<Map<String, AttributeValue>> pageKeys = keys.subList(0, Math.min(keys.size(), query.limit()));
        List<ItemView> items = fetch(query.store(), pageKeys.stream()
                .map(k -> k.get(InventoryTable.ITEM_ID).s()).toList());
        Map<String, AttributeValue> last = pageKeys.isEmpty() ? null : pageKeys.get(pageKeys.size() - 1);
        return new ItemPage(items, more && last != null
                ? Optional.of(cursor(query, last, numeric ? last.get(sortAttribute).n() : last.get(sortAttribute).s()))
                : Optional.empty());
    }

    /**
     * A page of search results: token rows whose token starts with the search text, in token order; an item that
     * matches with several tokens is listed once, at the first of them.
     */
    private ItemPage searchPage(ItemQuery query) {
        // The token rows starting with the prefix, as a key range rather than begins_with: the same rows and the same
        // range read on DynamoDB; DynamoDB Local (SQLite) took time growing with the partition for begins_with
        // (BENCHMARKS.md, issue 9).
        String prefix = SearchTokensTable.normalize(query.search());
        Map<String, AttributeValue> start = query.cursor().map(c -> Map.of(
                SearchTokensTable.STORE_ID, AttributeValue.fromS(query.store()),
                SearchTokensTable.TOKEN_KEY, AttributeValue.fromS(Optional.ofNullable(c.sortValue())
                        .orElseThrow(() -> new BadParameterException("cursor",
                                "cursor is not valid; start again from the first page."))))).orElse(null);
        List<String> itemIds = new ArrayList<>(query.limit());
        String lastKey = null;
        boolean more = false;
        int read = 0;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder()
                    .tableName(tables.search())
                    .keyConditionExpression("#store = :store AND #token BETWEEN :prefix AND :prefixEnd")
                    .expressionAttributeNames(Map.of("#store", SearchTokensTable.STORE_ID,
                            "#token", SearchTokensTable.TOKEN_KEY))
                    .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(query.store()),
                            ":prefix", AttributeValue.fromS(prefix),
                            ":prefixEnd", AttributeValue.fromS(prefix + LAST_CODE_POINT)))
                    .limit(Math.min(FILTER_QUERY_LIMIT, query.limit() + 1))
                    .exclusiveStartKey(start)
                    .build());
            read += response.count();
            for (Map<String, AttributeValue> row : response.items()) {
                String tokenKey = row.get(SearchTokensTable.TOKEN_KEY).s();
                String itemId = row.get(SearchTokensTable.ITEM_ID).s();
                if (!firstMatchingToken(tokenKey, itemId, row.get(SearchTokensTable.ITEM_NAME).s(), prefix)) {
                    continue;
                }
                if (itemIds.size() == query.limit()) {
                    more = true;
                    break;
                }
                itemIds.add(itemId);
                lastKey = tokenKey;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            if (!more && start != null && read >= FILTER_READ_BUDGET) {
                String after = start.get(SearchTokensTable.TOKEN_KEY).s();
                String afterItem = after.substring(after.indexOf(SearchTokensTable.SEPARATOR) + 1);
                return new ItemPage(fetch(query.store(), itemIds), Optional.of(new Cursor(query.store(),
                        query.viewKey(), afterItem, after).encode()));
            }
        } while (!more && start != null);
        String cursorKey = lastKey;
        return new ItemPage(fetch(query.store(), itemIds), more
                ? Optional.of(new Cursor(query.store(), query.viewKey(), itemIds.get(itemIds.size() - 1), cursorKey)
                        .encode())
                : Optional.empty());
    }

    /** Whether {@code tokenKey} is the first of the item's tokens that starts with {@code prefix}. */
    static boolean firstMatchingToken(String tokenKey, String itemId, String itemName, String prefix) {
        String token = tokenKey.substring(0, tokenKey.indexOf(SearchTokensTable.SEPARATOR));
        for (String candidate : SearchTokensTable.tokens(itemId, itemName)) {
            if (candidate.startsWith(prefix)) {
                return candidate.equals(token);
            }
        }
        return true; // the row is older than the item's name: show it rather than lose it
    }

    /** The items of {@code itemIds}, in that order (BatchGetItem, 100 keys a call); items gone meanwhile are left out. */
    private List<ItemView> fetch(String store, List<String> itemIds) {
        Map<String, Map<String, AttributeValue>> found = batchGet(tables.inventory(), store, itemIds, request -> request);
        List<ItemView> items = new ArrayList<>(itemIds.size());
        for (String id : itemIds) {
            Map<String, AttributeValue> item = found.get(id);
            if (item != null) {
                items.add(view(item));
            }
        }
        return items;
    }

    /**
     * The records of {@code itemIds} of {@code store} in {@code table} (both key the item by store_id and item_id), by
     * item id: BatchGetItem, 100 keys a call, unprocessed keys asked again; records that do not exist are left out.
     */
    private Map<String, Map<String, AttributeValue>> batchGet(String table, String store, List<String> itemIds,
            UnaryOperator<KeysAndAttributes.Builder> shape) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = itemIds.subList(from, Math.min(itemIds.size(),
                    from + BATCH_GET_LIMIT)).stream().map(id -> itemKey(store, id)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, shape.apply(KeysAndAttributes.builder().keys(keys))
                    .build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(table, List.of())
                        .forEach(record -> found.put(record.get(InventoryTable.ITEM_ID).s(), record));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private QueryRequest.Builder statusIndexQuery(String store, StockStatus status) {
        return QueryRequest.builder()
                .tableName(tables.inventory())
                .indexName(InventoryTable.STATUS_INDEX)
                .keyConditionExpression("#store = :store AND #status = :status")
                .projectionExpression("#store, #item, #status")
                .expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID, "#item", InventoryTable.ITEM_ID,
                        "#status", InventoryTable.STOCK_STATUS))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store),
                        ":status", AttributeValue.fromS(status.indexValue().orElseThrow())));
    }

    /** The store's items expected to run out within the horizon from now, soonest first (the sparse state index). */
    private QueryRequest.Builder atRiskQuery(String store) {
        return QueryRequest.builder()
                .tableName(tables.itemStates())
                .indexName(ItemStatesTable.AT_RISK_INDEX)
                .keyConditionExpression("#store = :store AND #out <= :until")
                .expressionAttributeNames(Map.of("#store", ItemStatesTable.STORE_ID,
                        "#out", ItemStatesTable.AT_RISK_OUT_AT))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store),
                        ":until", AttributeValue.fromS(Timestamps.format(clock.instant().plus(forecast.horizon())))));
    }

    /** The forecast horizon ("at risk" means out within it). */
    public java.time.Duration horizon() {
        return forecast.horizon();
    }

    private QueryRequest.Builder sortIndexQuery(String store, String index) {
        return QueryRequest.builder()
                .tableName(tables.inventory())
                .indexName(index)
                .keyConditionExpression("#store = :store")
                .expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)));
    }

    private ItemView view(Map<String, AttributeValue> attributes) {
        return ItemView.of(InventoryItemAttributes.fromAttributes(attributes), rules.defaultLowStockThreshold());
    }

    private static String cursor(ItemQuery query, Map<String, AttributeValue> last, String sortValue) {
        return new Cursor(query.store(), query.viewKey(), last.get(InventoryTable.ITEM_ID).s(), sortValue).encode();
    }

    private static Map<String, AttributeValue> itemKey(String store, String itemId) {
        return Map.of(InventoryTable.STORE_ID, AttributeValue.fromS(store),
                InventoryTable.ITEM_ID, AttributeValue.fromS(itemId));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
