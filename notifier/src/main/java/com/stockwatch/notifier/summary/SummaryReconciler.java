package com.stockwatch.notifier.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StockStatus;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The periodic full recount of a store's summary, off the request path: reads the store's items (status only) and
 * its item states, repairs every state that differs from the table (each repair conditioned on the state it read, so
 * a stream transition that landed meanwhile wins), then sets the counters to the recount and {@code reconciled_at},
 * conditioned on {@code summary_updated_at} being what it was before the recount: if the stream changed the counters
 * meanwhile, the store was not quiet and the counters are left to the next run.
 * <p>
 * Meant to be called by the notifier's scheduled handler ({@link #reconcileDue}); see docs/dashboard.md for how often
 * and with what budget.
 */
@ApplicationScoped
public class SummaryReconciler {

    private static final Logger LOG = Logger.getLogger(SummaryReconciler.class);
    private static final String ZERO_VERSION = ItemStatesTable.version("0");

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Clock clock;

    public SummaryReconciler(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.clock = Clock.systemUTC();
    }

    /** What one reconcile found and did. */
    public record Outcome(String storeId, long items, long outOfStock, long low, long inStock, int statesRepaired,
            boolean countersWereWrong, boolean applied) {
    }

    /**
     * Reconciles the stores that are due: not reconciled for {@code every}, and quiet (counters unchanged for
     * {@code quietFor}), most overdue first, stopping after {@code maxItems} items were recounted.
     */
    public List<Outcome> reconcileDue(Duration every, Duration quietFor, long maxItems) {
        Instant now = clock.instant();
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        forEachRegistryItem(store -> {
            Instant reconciled = instant(store.get(StoresTable.RECONCILED_AT)).orElse(Instant.EPOCH);
            Instant updated = instant(store.get(StoresTable.SUMMARY_UPDATED_AT)).orElse(Instant.EPOCH);
            if (reconciled.isBefore(now.minus(every)) && updated.isBefore(now.minus(quietFor))) {
                due.add(store);
            }
        });
        due.sort(java.util.Comparator.comparing(
                (Map<String, AttributeValue> s) -> instant(s.get(StoresTable.RECONCILED_AT)).orElse(Instant.EPOCH)));
        List<Outcome> outcomes = new ArrayList<>();
        long budget = maxItems;
        for (Map<String, AttributeValue> store : due) {
            if (budget <= 0) {
                break;
            }
            Outcome outcome = reconcile(store.get(StoresTable.STORE_ID).s());
            outcomes.add(outcome);
            budget -= Math.max(1, outcome.items());
        }
        return outcomes;
    }

    /** Recounts one store now and repairs its item states and counters. */
    public Outcome reconcile(String store) {
        Map<String, AttributeValue> before = dynamoDb.getItem(b -> b.tableName(tables.stores())
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store))).consistentRead(true)).item();
        Optional<AttributeValue> updatedBefore = Optional.ofNullable(before == null ? null
                : before.get(StoresTable.SUMMARY_UPDATED_AT));

        Map<String, StockStatus> truth = new HashMap<>();
        query(QueryRequest.builder().tableName(tables.inventory())
                .keyConditionExpression("#store = :store")
                .projectionExpression("#item, #status")
                .expressionAttributeNames(Map.of("#store", InventoryTable.STORE_ID, "#item", InventoryTable.ITEM_ID,
                        "#status", InventoryTable.STOCK_STATUS))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)))
                .consistentRead(true), item -> {
                    AttributeValue status = item.get(InventoryTable.STOCK_STATUS);
                    truth.put(item.get(InventoryTable.ITEM_ID).s(),
                            status == null ? StockStatus.IN_STOCK : StockStatus.valueOf(status.s()));
                });
        Map<String, Map<String, AttributeValue>> states = new HashMap<>();
        query(QueryRequest.builder().tableName(tables.itemStates())
                .keyConditionExpression("#store = :store")
                .expressionAttributeNames(Map.of("#store", ItemStatesTable.STORE_ID))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)))
                .consistentRead(true), state -> states.put(state.get(ItemStatesTable.ITEM_ID).s(), state));

        int repaired = 0;
        for (Map.Entry<String, StockStatus> item : truth.entrySet()) {
            Map<String, AttributeValue> state = states.remove(item.getKey());
            if (!item.getValue().name().equals(status(state))) {
                repaired += repairState(store, item.getKey(), state, Optional.of(item.getValue())) ? 1 : 0;
            }
        }
        for (Map.Entry<String, Map<String, AttributeValue>> orphan : states.entrySet()) {
            if (status(orphan.getValue()) != null) {
                repaired += repairState(store, orphan.getKey(), orphan.getValue(), Optional.empty()) ? 1 : 0;
            }
        }

        SummaryCounters recount = SummaryCounters.ZERO;
        for (StockStatus status : truth.values()) {
            recount = recount.plus(Optional.of(status), 1);
        }
        boolean wrong = !recount.equals(SummaryCounters.of(before));
        boolean applied = writeCounters(store, recount, updatedBefore);
        if (wrong || repaired > 0) {
            LOG.warnf("Reconcile of store %s: counters %s, recount %s, %d item state(s) repaired%s", store,
                    SummaryCounters.of(before), recount, repaired, applied ? "" : "; store busy, counters left as they are");
        }
        return new Outcome(store, recount.items(), recount.outOfStock(), recount.low(), recount.inStock(), repaired,
                wrong, applied);
    }

    /** Sets one state to the table's truth, only if it is still what the recount read. */
    private boolean repairState(String store, String itemId, Map<String, AttributeValue> read,
            Optional<StockStatus> truth) {
        Map<String, String> names = new HashMap<>(Map.of("#status", ItemStatesTable.STATUS,
                "#version", ItemStatesTable.VERSION));
        Map<String, AttributeValue> values = new HashMap<>();
        String version = read == null || !read.containsKey(ItemStatesTable.VERSION) ? ZERO_VERSION
                : read.get(ItemStatesTable.VERSION).s();
        values.put(":version", AttributeValue.fromS(version));
        String condition;
        if (read == null) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :version AND "
                    + (status(read) == null ? "attribute_not_exists(#status)" : "#status = :read");
            if (status(read) != null) {
                values.put(":read", AttributeValue.fromS(status(read)));
            }
        }
        String update = truth.map(s -> "SET #status = :truth, #version = :version")
                .orElse("SET #version = :version REMOVE #status");
        truth.ifPresent(s -> values.put(":truth", AttributeValue.fromS(s.name())));
        try {
            dynamoDb.updateItem(b -> b.tableName(tables.itemStates())
                    .key(StoreSummaryConsumer.stateKey(store, itemId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false; // the stream moved this item on; its transition is the newer truth
        }
    }

    private boolean writeCounters(String store, SummaryCounters counters, Optional<AttributeValue> updatedBefore) {
        Map<String, String> names = new HashMap<>(SummaryCounters.names());
        names.put("#registry", StoresTable.REGISTRY);
        names.put("#updated", StoresTable.SUMMARY_UPDATED_AT);
        names.put("#reconciled", StoresTable.RECONCILED_AT);
        Map<String, AttributeValue> values = new HashMap<>(counters.values());
        values.put(":registry", AttributeValue.fromS(StoresTable.REGISTRY_PARTITION));
        values.put(":now", AttributeValue.fromS(Timestamps.format(clock.instant())));
        updatedBefore.ifPresent(v -> values.put(":before", v));
        try {
            dynamoDb.updateItem(b -> b.tableName(tables.stores())
                    .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store)))
                    .updateExpression("SET #registry = :registry, #items = :items, #out = :out, #low = :low, "
                            + "#in = :in, #reconciled = :now")
                    .conditionExpression(updatedBefore.isPresent() ? "#updated = :before"
                            : "attribute_not_exists(#updated)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException busy) {
            return false;
        }
    }

    private void forEachRegistryItem(Consumer<Map<String, AttributeValue>> sink) {
        query(QueryRequest.builder().tableName(tables.stores()).indexName(StoresTable.BY_STORE_INDEX)
                .keyConditionExpression("#registry = :registry")
                .expressionAttributeNames(Map.of("#registry", StoresTable.REGISTRY))
                .expressionAttributeValues(Map.of(":registry",
                        AttributeValue.fromS(StoresTable.REGISTRY_PARTITION))), sink);
    }

    private void query(QueryRequest.Builder request, Consumer<Map<String, AttributeValue>> sink) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.query(request.exclusiveStartKey(start).build());
            response.items().forEach(sink);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    private static String status(Map<String, AttributeValue> state) {
        AttributeValue status = state == null ? null : state.get(ItemStatesTable.STATUS);
        return status == null ? null : status.s();
    }

    private static Optional<Instant> instant(AttributeValue value) {
        return value == null || value.s() == null ? Optional.empty() : Optional.of(Instant.parse(value.s()));
    }
}
