package com.stockwatch.notifier.summary;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StockStatus;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.alert.StreamRecordReader;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Keeps each store's counters in {@code InventoryStores} exact from {@code Inventory}'s stream, exactly once under
 * at-least-once delivery: every status transition is one conditional update of the item's state in
 * {@code InventoryItemStates} ("only if the state's version is older than this record and the item is counted as
 * {@code from}"), in the same transaction as the ADD on its store's counters. Up to {@link #ITEMS_PER_TRANSACTION}
 * transitions of one store share a transaction and its single counter update. A redelivered record fails its
 * condition; the consumer reads the states the transaction named, drops what is applied already, corrects
 * {@code from} where the state says otherwise, and retries the rest. Level changes within a status write nothing.
 */
@ApplicationScoped
public class StoreSummaryConsumer {

    private static final Logger LOG = Logger.getLogger(StoreSummaryConsumer.class);

    /** DynamoDB allows 100 actions per transaction: 99 item states and the store's counters. */
    static final int ITEMS_PER_TRANSACTION = 99;
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Clock clock;

    public StoreSummaryConsumer(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.clock = Clock.systemUTC();
    }

    /**
     * Applies the records' transitions in order.
     *
     * @return the index of the first record not applied (to be retried from), or {@code records.size()}
     */
    public int apply(List<DynamodbStreamRecord> records) {
        List<ItemTransition> chunk = new ArrayList<>();
        Set<String> itemsInChunk = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Optional<ItemTransition> transition;
            try {
                transition = ItemTransition.of(i, records.get(i));
            } catch (RuntimeException e) {
                LOG.warnf("Summary: skipping malformed stream record %s: %s",
                        StreamRecordReader.describeKeys(records.get(i)), e.getMessage());
                continue;
            }
            if (transition.isEmpty()) {
                continue;
            }
            ItemTransition next = transition.get();
            if (!chunk.isEmpty() && (!chunk.get(0).storeId().equals(next.storeId())
                    || itemsInChunk.contains(next.itemId()) || chunk.size() == ITEMS_PER_TRANSACTION)) {
                if (!applyChunk(chunk)) {
                    return chunk.get(0).index();
                }
                chunk.clear();
                itemsInChunk.clear();
            }
            chunk.add(next);
            itemsInChunk.add(next.itemId());
        }
        if (!chunk.isEmpty() && !applyChunk(chunk)) {
            return chunk.get(0).index();
        }
        return records.size();
    }

    /** One store's transitions of distinct items, applied atomically (after dropping those applied before). */
    private boolean applyChunk(List<ItemTransition> transitions) {
        List<ItemTransition> pending = new ArrayList<>(transitions);
        String store = pending.get(0).storeId();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            pending.removeIf(t -> !t.changesCounts());
            if (pending.isEmpty()) {
                return true;
            }
            try {
                List<TransactWriteItem> actions = new ArrayList<>(pending.size() + 1);
                SummaryCounters delta = SummaryCounters.ZERO;
                for (ItemTransition t : pending) {
                    actions.add(stateUpdate(t));
                    delta = delta.apply(t);
                }
                actions.add(counterUpdate(store, delta));
                dynamoDb.transactWriteItems(b -> b.transactItems(actions));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                List<Integer> failedConditions = new ArrayList<>();
                for (int i = 0; i < pending.size() && i < reasons.size(); i++) {
                    String code = reasons.get(i).code();
                    if ("ConditionalCheckFailed".equals(code)) {
                        failedConditions.add(i);
                    } else if (code != null && !"None".equals(code) && !"TransactionConflict".equals(code)) {
                        LOG.errorf("Summary of store %s: transaction cancelled (%s: %s); retried from record %d",
                                store, code, reasons.get(i).message(), pending.get(0).index());
                        return false;
                    }
                }
                if (!failedConditions.isEmpty()) {
                    pending = correctFromStates(pending, failedConditions);
                } else {
                    backOff(attempt);
                }
            } catch (SdkException e) {
                LOG.errorf(e, "Summary of store %s: cannot apply %d transition(s); retried from record %d", store,
                        pending.size(), pending.get(0).index());
                return false;
            }
        }
        LOG.errorf("Summary of store %s: %d transition(s) still conflict after %d attempts; retried from record %d",
                store, pending.size(), ATTEMPTS, pending.get(0).index());
        return false;
    }

    /**
     * Reads the states whose condition failed: a state at this record's version or newer means the record was
     * applied before (dropped); otherwise the item is counted as something else than the old image says (an earlier
     * record was skipped as malformed, or a reconcile repaired it), and the transition starts from the state.
     */
    private List<ItemTransition> correctFromStates(List<ItemTransition> pending, List<Integer> failed) {
        Map<String, Map<String, AttributeValue>> states = readStates(pending.get(0).storeId(),
                failed.stream().map(i -> pending.get(i).itemId()).toList());
        List<ItemTransition> corrected = new ArrayList<>(pending);
        for (int i : failed) {
            ItemTransition t = pending.get(i);
            Map<String, AttributeValue> state = states.get(t.itemId());
            String version = state == null || !state.containsKey(ItemStatesTable.VERSION) ? ""
                    : state.get(ItemStatesTable.VERSION).s();
            if (version.compareTo(t.version()) >= 0) {
                corrected.set(i, t.from(t.to())); // applied before: no change left
            } else {
                AttributeValue status = state == null ? null : state.get(ItemStatesTable.STATUS);
                corrected.set(i, t.from(status == null ? Optional.empty()
                        : Optional.of(StockStatus.valueOf(status.s()))));
            }
        }
        return corrected;
    }

    private Map<String, Map<String, AttributeValue>> readStates(String store, List<String> itemIds) {
        Map<String, Map<String, AttributeValue>> states = new HashMap<>();
        List<Map<String, AttributeValue>> keys = itemIds.stream().map(item -> stateKey(store, item)).toList();
        Map<String, KeysAndAttributes> request = Map.of(tables.itemStates(),
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
            response.responses().getOrDefault(tables.itemStates(), List.of())
                    .forEach(state -> states.put(state.get(ItemStatesTable.ITEM_ID).s(), state));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return states;
    }

    private TransactWriteItem stateUpdate(ItemTransition t) {
        Map<String, String> names = new HashMap<>(Map.of("#status", ItemStatesTable.STATUS,
                "#version", ItemStatesTable.VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":version", AttributeValue.fromS(t.version())));
        String update = t.to().isPresent() ? "SET #status = :to, #version = :version"
                : "SET #version = :version REMOVE #status";
        t.to().ifPresent(status -> values.put(":to", AttributeValue.fromS(status.name())));
        String counted = t.from().isPresent() ? "#status = :from" : "attribute_not_exists(#status)";
        t.from().ifPresent(status -> values.put(":from", AttributeValue.fromS(status.name())));
        return TransactWriteItem.builder().update(u -> u.tableName(tables.itemStates())
                .key(stateKey(t.storeId(), t.itemId()))
                .updateExpression(update)
                .conditionExpression("(attribute_not_exists(#version) OR #version < :version) AND " + counted)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values))
                .build();
    }

    private TransactWriteItem counterUpdate(String store, SummaryCounters delta) {
        Map<String, String> names = new HashMap<>(SummaryCounters.names());
        names.put("#registry", StoresTable.REGISTRY);
        names.put("#updated", StoresTable.SUMMARY_UPDATED_AT);
        Map<String, AttributeValue> values = new HashMap<>(delta.values());
        values.put(":registry", AttributeValue.fromS(StoresTable.REGISTRY_PARTITION));
        values.put(":now", AttributeValue.fromS(Timestamps.format(clock.instant())));
        return TransactWriteItem.builder().update(u -> u.tableName(tables.stores())
                .key(Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store)))
                .updateExpression("SET #registry = :registry, #updated = :now "
                        + "ADD #items :items, #out :out, #low :low, #in :in")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values))
                .build();
    }

    static Map<String, AttributeValue> stateKey(String store, String itemId) {
        return Map.of(ItemStatesTable.STORE_ID, AttributeValue.fromS(store),
                ItemStatesTable.ITEM_ID, AttributeValue.fromS(itemId));
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
