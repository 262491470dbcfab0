package com.stockwatch.notifier.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import com.stockwatch.forecast.DepletionForecaster;
import com.stockwatch.forecast.Forecast;
import com.stockwatch.forecast.ForecastSettings;
import com.stockwatch.forecast.StockHistory;
import com.stockwatch.forecast.StockPoint;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.alert.StockOutWarnings;
import com.stockwatch.notifier.alert.StreamRecordReader;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Keeps each item's state in {@code InventoryItemStates} and each store's counters in {@code InventoryStores} exact
 * from {@code Inventory}'s stream, exactly once under at-least-once delivery. For up to {@link #ITEMS_PER_TRANSACTION}
 * changes of distinct items of one store it reads their states (one consistent {@code BatchGetItem}), drops the
 * records applied before (the state's version is theirs or newer), and writes each new state conditioned on the
 * state being what it read (version and status): the new status, the level appended to the item's bounded history
 * and the forecast made from it. Status changes go in one transaction with the ADD on the store's counters; level
 * changes within a status are single conditional updates (1 write unit for a state under 1 KB). A state that changed
 * between read and write (a concurrent reconcile) is read again and the change recomputed.
 */
@ApplicationScoped
public class StoreSummaryConsumer {

    private static final Logger LOG = Logger.getLogger(StoreSummaryConsumer.class);

    /** DynamoDB allows 100 actions per transaction: 99 item states and the store's counters. */
    static final int ITEMS_PER_TRANSACTION = 99;
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DepletionForecaster forecaster;
    private final StockOutWarnings warnings;
    private final Duration indexWindow;
    private final Clock clock;

    public StoreSummaryConsumer(DynamoDbClient dynamoDb, TableNames tables, ForecastSettings forecast) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.forecaster = new DepletionForecaster(forecast.minPoints(), forecast.minSpan());
        this.warnings = new StockOutWarnings(forecast.horizon());
        this.indexWindow = forecast.indexWindow().compareTo(forecast.horizon()) < 0 ? forecast.horizon()
                : forecast.indexWindow();
        this.clock = Clock.systemUTC();
    }

    /** A change and the state it will write. */
    private record Planned(ItemTransition change, ItemState read, StockHistory history, Optional<Instant> episode,
            Optional<Forecast> forecast, boolean warns) {
    }

    /** Applies the records' changes in order. */
    public Applied apply(List<DynamodbStreamRecord> records) {
        Map<Integer, Forecast> warned = new HashMap<>();
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
                if (!applyChunk(chunk, warned)) {
                    return new Applied(Optional.of(chunk.get(0).index()), warned);
                }
                chunk.clear();
                itemsInChunk.clear();
            }
            chunk.add(next);
            itemsInChunk.add(next.itemId());
        }
        if (!chunk.isEmpty() && !applyChunk(chunk, warned)) {
            return new Applied(Optional.of(chunk.get(0).index()), warned);
        }
        return new Applied(Optional.empty(), warned);
    }

    /** One store's changes of distinct items (after dropping those applied before). */
    private boolean applyChunk(List<ItemTransition> changes, Map<Integer, Forecast> warned) {
        List<ItemTransition> pending = new ArrayList<>(changes);
        String store = pending.get(0).storeId();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<Planned> plans;
            try {
                plans = plan(pending, readStates(store, pending.stream().map(ItemTransition::itemId).toList()),
                        warned);
            } catch (SdkException e) {
                LOG.errorf(e, "Item states of store %s: cannot read %d state(s); retried from record %d", store,
                        pending.size(), pending.get(0).index());
                return false;
            }
            if (plans.isEmpty()) {
                return true;
            }
            List<Planned> transitions = plans.stream().filter(p -> p.change().changesCounts()).toList();
            List<Planned> levelOnly = plans.stream().filter(p -> !p.change().changesCounts()).toList();
            List<ItemTransition> again = new ArrayList<>();
            try {
                if (!transitions.isEmpty() && !writeTransitions(store, transitions)) {
                    transitions.forEach(p -> again.add(p.change()));
                } else {
                    transitions.forEach(p -> noteWarning(p, warned));
                }
                for (Planned p : levelOnly) {
                    if (writeState(p)) {
                        noteWarning(p, warned);
                    } else {
                        again.add(p.change());
                    }
                }
            } catch (TransactionCanceledException cancelled) {
                LOG.errorf("Item states of store %s: transaction cancelled (%s); retried from record %d", store,
                        cancelled.cancellationReasons(), pending.get(0).index());
                return false;
            } catch (SdkException e) {
                LOG.errorf(e, "Item states of store %s: cannot write %d state(s); retried from record %d", store,
                        plans.size(), pending.get(0).index());
                return false;
            }
            if (again.isEmpty()) {
                return true;
            }
            pending = again;
            backOff(attempt);
        }
        LOG.errorf("Item states of store %s: %d change(s) still conflict after %d attempts; retried from record %d",
                store, pending.size(), ATTEMPTS, pending.get(0).index());
        return false;
    }

    /**
     * The new state of each change against the state read. A record applied before is dropped; if it was the one
     * that raised the item's warning, the warning is reported again (its ledger claim refuses a second message).
     */
    private List<Planned> plan(List<ItemTransition> pending, Map<String, ItemState> states,
            Map<Integer, Forecast> warned) {
        List<Planned> plans = new ArrayList<>();
        for (ItemTransition change : pending) {
            ItemState state = states.getOrDefault(change.itemId(), ItemState.NONE);
            if (state.hasApplied(change.version())) {
                if (state.warnedVersion().equals(Optional.of(change.version()))) {
                    // Reported again with the episode it was raised for: the same ledger key refuses a second message.
                    forecaster.forecast(state.history()).ifPresent(f -> warned.put(change.index(),
                            f.withEpisodeStart(Instant.parse(state.warnedEpisode().orElseThrow()))));
                }
                continue;
            }
            ItemTransition counted = change.from(state.status());
            StockHistory history = change.to().isEmpty() ? StockHistory.empty()
                    : change.point().map(state.history()::append).orElse(state.history());
            Optional<Instant> episode = episodeStart(state, history, change.point());
            Optional<Forecast> forecast = forecaster.forecast(history)
                    .map(f -> episode.filter(e -> e.isBefore(f.episodeStart())).map(f::withEpisodeStart).orElse(f));
            boolean warns = forecast.isPresent() && warnings.warns(forecast.get(), state.warnedEpisode());
            plans.add(new Planned(counted, state, history, episode, forecast, warns));
        }
        return plans;
    }

    /**
     * When the item's current fall began, kept in the state so it does not move when the bounded history drops its
     * oldest points: the new point's time if it is a restock, else the stored start, else the last restock the
     * history shows (or its first point).
     */
    private static Optional<Instant> episodeStart(ItemState state, StockHistory history, Optional<StockPoint> point) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<StockPoint> before = state.history().points();
        if (point.isPresent() && !before.isEmpty()
                && DepletionForecaster.isRestock(before.get(before.size() - 1).level(), point.get().level())) {
            return Optional.of(Instant.ofEpochSecond(point.get().epochSecond()));
        }
        if (state.episodeStart().isPresent()) {
            return state.episodeStart().map(Instant::parse);
        }
        List<StockPoint> points = history.points();
        return Optional.of(Instant.ofEpochSecond(points.get(DepletionForecaster.lastRestock(points)).epochSecond()));
    }

    private static void noteWarning(Planned p, Map<Integer, Forecast> warned) {
        if (p.warns()) {
            warned.put(p.change().index(), p.forecast().orElseThrow());
        }
    }

    /** The transitions and the store's counter change in one transaction; false when a state changed meanwhile. */
    private boolean writeTransitions(String store, List<Planned> transitions) {
        List<TransactWriteItem> actions = new ArrayList<>(transitions.size() + 1);
        SummaryCounters delta = SummaryCounters.ZERO;
        for (Planned p : transitions) {
            actions.add(TransactWriteItem.builder().update(stateUpdate(p)).build());
            delta = delta.apply(p.change());
        }
        actions.add(counterUpdate(store, delta));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(actions));
            return true;
        } catch (TransactionCanceledException cancelled) {
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                String code = reason.code();
                if (code != null && !"None".equals(code) && !"ConditionalCheckFailed".equals(code)
                        && !"TransactionConflict".equals(code)) {
                    throw cancelled;
                }
            }
            return false;
        }
    }

    /** A level change within a status; false when the state changed meanwhile. */
    private boolean writeState(Planned p) {
        Update update = stateUpdate(p);
        try {
            dynamoDb.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    private Map<String, ItemState> readStates(String store, List<String> itemIds) {
        Map<String, ItemState> states = new HashMap<>();
        List<Map<String, AttributeValue>> keys = itemIds.stream().map(item -> stateKey(store, item)).toList();
        Map<String, KeysAndAttributes> request = Map.of(tables.itemStates(),
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
            response.responses().getOrDefault(tables.itemStates(), List.of())
                    .forEach(state -> states.put(state.get(ItemStatesTable.ITEM_ID).s(), ItemState.of(state)));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return states;
    }

    /** The state's new attributes, conditioned on the state being what was read (version and status). */
    private Update stateUpdate(Planned p) {
        ItemTransition t = p.change();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        names.put("#version", ItemStatesTable.VERSION);
        names.put("#status", ItemStatesTable.STATUS);
        set.add("#version = :version");
        values.put(":version", AttributeValue.fromS(t.version()));
        if (t.to().isPresent()) {
            set.add("#status = :to");
            values.put(":to", AttributeValue.fromS(t.to().get().name()));
        } else {
            remove.add("#status");
        }
        attribute(names, values, set, remove, "#history", ItemStatesTable.HISTORY,
                p.history().isEmpty() ? null : AttributeValue.fromB(SdkBytes.fromByteArray(p.history().encode())));
        Forecast f = p.forecast().orElse(null);
        attribute(names, values, set, remove, "#out", ItemStatesTable.EXPECTED_OUT_AT,
                f == null ? null : AttributeValue.fromS(Timestamps.format(f.expectedOutAt())));
        attribute(names, values, set, remove, "#cover", ItemStatesTable.DAYS_OF_COVER,
                f == null ? null : number(f.daysOfCover()));
        attribute(names, values, set, remove, "#rate", ItemStatesTable.UNITS_PER_DAY,
                f == null ? null : number(f.unitsPerDay()));
        attribute(names, values, set, remove, "#episode", ItemStatesTable.EPISODE_START,
                p.episode().map(e -> AttributeValue.fromS(Timestamps.format(e))).orElse(null));
        boolean indexed = f != null && f.level() > 0 && !f.expectedOutAt().isAfter(f.lastAt().plus(indexWindow));
        attribute(names, values, set, remove, "#atRisk", ItemStatesTable.AT_RISK_OUT_AT,
                indexed ? AttributeValue.fromS(Timestamps.format(f.expectedOutAt())) : null);
        if (p.warns()) {
            names.put("#warnedEpisode", ItemStatesTable.WARNED_EPISODE);
            names.put("#warnedVersion", ItemStatesTable.WARNED_VERSION);
            set.add("#warnedEpisode = :warnedEpisode, #warnedVersion = :version");
            values.put(":warnedEpisode", AttributeValue.fromS(StockOutWarnings.episode(f)));
        }
        String condition;
        if (!p.read().exists()) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :seen AND " + p.read().status().map(s -> "#status = :seenStatus")
                    .orElse("attribute_not_exists(#status)");
            values.put(":seen", AttributeValue.fromS(p.read().version().get()));
            p.read().status().ifPresent(s -> values.put(":seenStatus", AttributeValue.fromS(s.name())));
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        return Update.builder().tableName(tables.itemStates())
                .key(stateKey(t.storeId(), t.itemId()))
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** SET the attribute to {@code value}, or REMOVE it when null. */
    private static void attribute(Map<String, String> names, Map<String, AttributeValue> values, List<String> set,
            List<String> remove, String placeholder, String name, AttributeValue value) {
        names.put(placeholder, name);
        if (value == null) {
            remove.add(placeholder);
        } else {
            String valueName = ":" + placeholder.substring(1);
            set.add(placeholder + " = " + valueName);
            values.put(valueName, value);
        }
    }

    private static AttributeValue number(double value) {
        return AttributeValue.fromN(String.format(java.util.Locale.ROOT, "%.3f", value));
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
