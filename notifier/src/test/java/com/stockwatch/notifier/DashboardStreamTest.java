package com.stockwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.notifier.summary.SummaryReconciler;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.SnsStandInResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The store summaries and the search index the notifier maintains for the dashboard, fed through the handler with
 * DynamoDB Local's own stream records: counters compared with a recount of the table after redelivery, retries,
 * deletes and files that change many statuses; the reconcile repairing deliberate drift; token rows compared with
 * the tokens of the items as they are in the table.
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(SnsStandInResource.class)
class DashboardStreamTest {

    static final Instant T1 = Instant.parse("2026-11-25T07:30:00Z");
    static final Instant T2 = Instant.parse("2026-11-25T08:30:00Z");
    static final Instant T3 = Instant.parse("2026-11-25T09:30:00Z");

    @Inject
    SummaryReconciler reconciler;

    static DynamoDbClient dynamoDb;
    static InventoryStream stream;

    @BeforeAll
    static void clients() {
        dynamoDb = Emulators.dynamoDbClient();
        stream = new InventoryStream(dynamoDb, Emulators.dynamoDbStreamsClient(), DynamoDbLocalResource.INVENTORY);
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @BeforeEach
    void startFresh() {
        stream.readNew(); // records of earlier tests are theirs
    }

    @Test
    void theSameBatchDeliveredTwiceCountsOnce() {
        put(item("dup", "A", "Blue mug", 10, T1), item("dup", "B", "Red mug", 3, T1), item("dup", "C", "Pot", 0, T1));
        List<Record> first = stream.readNew();
        assertThat(handle(first)).isEmpty();
        assertThat(handle(first)).isEmpty();
        assertThat(counters("dup")).isEqualTo(recount("dup")).isEqualTo(new long[] {3, 1, 1, 1});

        put(item("dup", "A", "Blue mug", 0, T2), item("dup", "C", "Pot", 9, T2));
        List<Record> second = stream.readNew();
        assertThat(handle(second)).isEmpty();
        assertThat(handle(first)).isEmpty(); // an old batch again, after newer records were applied
        assertThat(handle(second)).isEmpty();
        assertThat(counters("dup")).isEqualTo(recount("dup")).isEqualTo(new long[] {3, 1, 1, 1});
    }

    @Test
    void aRetriedBatchAfterAPartialRunCountsEachTransitionOnce() {
        put(item("retry", "A", "Blue mug", 10, T1), item("retry", "B", "Red mug", 10, T1));
        put(item("retry", "A", "Blue mug", 0, T2));
        put(item("retry", "A", "Blue mug", 10, T3)); // back to where it was: the same status twice, an ABA
        List<Record> records = stream.readNew();
        assertThat(records).hasSize(4);
        assertThat(handle(records.subList(0, 3))).isEmpty(); // the function ran up to A's drop to 0 ...
        assertThat(handle(records)).isEmpty(); // ... and Lambda retried the whole batch
        assertThat(handle(records.subList(1, 2))).isEmpty(); // and A's first record once more, out of turn
        assertThat(counters("retry")).isEqualTo(recount("retry")).isEqualTo(new long[] {2, 0, 0, 2});
    }

    @Test
    void aDeletedItemLeavesTheCountsAndItsTokens() {
        put(item("del", "A", "Blue mug", 0, T1), item("del", "B", "Red mug", 3, T1));
        assertThat(handle(stream.readNew())).isEmpty();
        dynamoDb.deleteItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).key(Map.of(
                InventoryTable.STORE_ID, AttributeValue.fromS("del"), InventoryTable.ITEM_ID, AttributeValue.fromS("A"))));
        List<Record> records = stream.readNew();
        assertThat(handle(records)).isEmpty();
        assertThat(handle(records)).isEmpty();
        assertThat(counters("del")).isEqualTo(recount("del")).isEqualTo(new long[] {1, 0, 1, 0});
        assertThat(tokenRows("del")).isEqualTo(expectedTokens("del"));
    }

    @Test
    void aFileThatChangesTheStatusOfManyItemsKeepsTheSummaryExact() {
        Random random = new Random(9);
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            items.add(item("many", String.format("SKU-%04d", i), "Item " + i, 20, T1));
        }
        put(items.toArray(InventoryItem[]::new));
        assertThat(handle(stream.readNew())).isEmpty();
        items.clear();
        for (int i = 0; i < 450; i++) {
            long level = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 2;
                case 2 -> 20;
                default -> 40; // same status, another level: no write
            };
            items.add(item("many", String.format("SKU-%04d", i), "Item " + i, level, T2));
        }
        put(items.toArray(InventoryItem[]::new));
        List<Record> records = stream.readNew();
        assertThat(handle(records.subList(0, 200))).isEmpty();
        assertThat(handle(records)).isEmpty();
        assertThat(counters("many")).isEqualTo(recount("many"));
        assertThat(counters("many")[1]).isPositive();
        assertThat(counters("many")[0]).isEqualTo(450);
    }

    @Test
    void aReconcileAfterDeliberateDriftRepairsCountersAndStates() {
        put(item("drift", "A", "Blue mug", 0, T1), item("drift", "B", "Red mug", 3, T1),
                item("drift", "C", "Pot", 30, T1));
        assertThat(handle(stream.readNew())).isEmpty();
        // Drift: counters overwritten, one state lost, one state wrong.
        dynamoDb.updateItem(b -> b.tableName(DynamoDbLocalResource.STORES)
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS("drift")))
                .updateExpression("SET out_of_stock = :x, #items = :x")
                .expressionAttributeNames(Map.of("#items", StoresTable.ITEMS))
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromN("999"))));
        dynamoDb.deleteItem(b -> b.tableName(DynamoDbLocalResource.ITEM_STATES).key(stateKey("drift", "A")));
        dynamoDb.updateItem(b -> b.tableName(DynamoDbLocalResource.ITEM_STATES).key(stateKey("drift", "C"))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", ItemStatesTable.STATUS))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("LOW"))));
        assertThat(counters("drift")).isNotEqualTo(recount("drift"));

        SummaryReconciler.Outcome outcome = reconciler.reconcile("drift");

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.countersWereWrong()).isTrue();
        assertThat(outcome.statesRepaired()).isEqualTo(2);
        assertThat(counters("drift")).isEqualTo(recount("drift")).isEqualTo(new long[] {3, 1, 1, 1});
        assertThat(registry("drift")).containsKey(StoresTable.RECONCILED_AT);

        // The repaired states count on correctly: C drops to 0, A is deleted.
        put(item("drift", "C", "Pot", 0, T2));
        dynamoDb.deleteItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).key(Map.of(
                InventoryTable.STORE_ID, AttributeValue.fromS("drift"),
                InventoryTable.ITEM_ID, AttributeValue.fromS("A"))));
        assertThat(handle(stream.readNew())).isEmpty();
        assertThat(counters("drift")).isEqualTo(recount("drift")).isEqualTo(new long[] {2, 1, 1, 0});
        SummaryReconciler.Outcome again = reconciler.reconcile("drift");
        assertThat(again.countersWereWrong()).isFalse();
        assertThat(again.statesRepaired()).isZero();
    }

    @Test
    void aReconcileLeavesTheCountersOfABusyStoreToTheNextRun() {
        put(item("busy", "A", "Blue mug", 0, T1));
        assertThat(handle(stream.readNew())).isEmpty();
        // The reconcile reads before the stream moves on; simulated by a summary update between read and write:
        // the counters' condition names summary_updated_at, so a reconcile of a store that changed must not apply.
        dynamoDb.updateItem(b -> b.tableName(DynamoDbLocalResource.STORES)
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS("busy")))
                .updateExpression("SET #u = :u")
                .expressionAttributeNames(Map.of("#u", StoresTable.SUMMARY_UPDATED_AT))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(Instant.now().toString()))));
        List<SummaryReconciler.Outcome> due = reconciler.reconcileDue(java.time.Duration.ofHours(24),
                java.time.Duration.ofMinutes(15), 1_000_000);
        assertThat(due).extracting(SummaryReconciler.Outcome::storeId).doesNotContain("busy");
    }

    @Test
    void theSearchIndexFollowsInsertsRenamesAndDeletes() {
        put(item("find", "A-1", "Blue mug, large", 10, T1), item("find", "B-2", "Red mug", 3, T1),
                item("find", "C-3", "Tea pot", 0, T1));
        assertThat(handle(stream.readNew())).isEmpty();
        put(item("find", "A-1", "Green bowl", 10, T2), item("find", "B-2", "Red mug", 1, T2));
        dynamoDb.deleteItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).key(Map.of(
                InventoryTable.STORE_ID, AttributeValue.fromS("find"),
                InventoryTable.ITEM_ID, AttributeValue.fromS("C-3"))));
        List<Record> records = stream.readNew();
        assertThat(handle(records)).isEmpty();
        assertThat(handle(records)).isEmpty();
        assertThat(tokenRows("find")).isEqualTo(expectedTokens("find"))
                .containsOnlyKeys("a-1", "bowl", "green", "b-2", "red", "mug");
    }

    // ---------------------------------------------------------------------------------------------------------

    List<String> handle(List<Record> records) {
        JsonPath response = given().contentType("application/json").body(stream.lambdaEvent(records))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath();
        return response.getList("batchItemFailures.itemIdentifier", String.class);
    }

    static InventoryItem item(String store, String item, String name, long level, Instant time) {
        return new InventoryItem(store, item, name, level, time, OptionalInt.empty(), "s3://inventory/" + store + "/x.csv");
    }

    static void put(InventoryItem... items) {
        List<WriteRequest> writes = new ArrayList<>();
        for (InventoryItem item : items) {
            writes.add(WriteRequest.builder()
                    .putRequest(p -> p.item(InventoryItemAttributes.toAttributes(item, 5))).build());
        }
        for (int i = 0; i < writes.size(); i += 25) {
            List<WriteRequest> chunk = writes.subList(i, Math.min(writes.size(), i + 25));
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(DynamoDbLocalResource.INVENTORY, chunk)));
        }
    }

    static Map<String, AttributeValue> stateKey(String store, String item) {
        return Map.of(ItemStatesTable.STORE_ID, AttributeValue.fromS(store),
                ItemStatesTable.ITEM_ID, AttributeValue.fromS(item));
    }

    static Map<String, AttributeValue> registry(String store) {
        return dynamoDb.getItem(b -> b.tableName(DynamoDbLocalResource.STORES).consistentRead(true)
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store)))).item();
    }

    /** items, out of stock, low, in stock as the registry holds them. */
    static long[] counters(String store) {
        Map<String, AttributeValue> item = registry(store);
        return new long[] {n(item, StoresTable.ITEMS), n(item, StoresTable.OUT_OF_STOCK),
                n(item, StoresTable.LOW_STOCK), n(item, StoresTable.IN_STOCK)};
    }

    /** The same four, counted from the table (the brute-force reference). */
    static long[] recount(String store) {
        long[] counts = new long[4];
        for (Map<String, AttributeValue> item : query(DynamoDbLocalResource.INVENTORY, store)) {
            counts[0]++;
            AttributeValue status = item.get(InventoryTable.STOCK_STATUS);
            counts[status == null ? 3 : "OUT_OF_STOCK".equals(status.s()) ? 1 : 2]++;
        }
        return counts;
    }

    /** token -> item ids, as the index holds them. */
    static Map<String, Set<String>> tokenRows(String store) {
        Map<String, Set<String>> tokens = new TreeMap<>();
        for (Map<String, AttributeValue> row : query(DynamoDbLocalResource.SEARCH, store)) {
            String key = row.get(SearchTokensTable.TOKEN_KEY).s();
            String token = key.substring(0, key.indexOf(SearchTokensTable.SEPARATOR));
            tokens.computeIfAbsent(token, t -> new TreeSet<>()).add(row.get(SearchTokensTable.ITEM_ID).s());
        }
        return tokens;
    }

    /** token -> item ids, from the items in the table. */
    static Map<String, Set<String>> expectedTokens(String store) {
        Map<String, Set<String>> tokens = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(DynamoDbLocalResource.INVENTORY, store)) {
            String id = item.get(InventoryTable.ITEM_ID).s();
            for (String token : SearchTokensTable.tokens(id, item.get(InventoryTable.ITEM_NAME).s())) {
                tokens.computeIfAbsent(token, t -> new TreeSet<>()).add(id);
            }
        }
        return tokens;
    }

    static List<Map<String, AttributeValue>> query(String table, String store) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store))))
                .items().forEach(items::add);
        return items;
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
