package com.stockwatch.notifier.grouping;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Each store's grouping window: one record per store in {@code InventoryAlerts} ({@code alert_id = ~window}) with the
 * window's start and end and a conditional counter of the alerts it has seen. Alertmanager's group_wait /
 * group_interval adapted: the first {@code immediate} alerts of a window go out at once, the rest are held for one
 * digest when the window closes.
 * <p>
 * Counting is one UpdateItem per store and batch: {@code ADD seen :k} while the window is open (condition
 * {@code window_end > :now}), otherwise a new window ({@code SET}, condition {@code window_end <= :now} or no window
 * yet). Concurrent invocations for one store (several shards) share the counter, so together they never send more
 * than {@code immediate} single messages per window. A redelivered record whose claim was taken over is counted again:
 * the count can only be too high, which holds alerts earlier, never sends more.
 */
public class StoreWindows {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int immediate;
    private final Duration window;

    public StoreWindows(DynamoDbClient dynamoDb, String tableName, int immediate, Duration window) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.immediate = immediate;
        this.window = window;
    }

    /**
     * How a store's alerts of one batch are split.
     *
     * @param immediate     how many of them (the first, in stream order) go out at once
     * @param start         start of the window they fall into
     * @param end           its end
     * @param earlierHeld   a closed earlier window still has held alerts: flush them now
     */
    public record Allocation(int immediate, Instant start, Instant end, boolean earlierHeld) {
    }

    /** Counts {@code count} alerts of {@code store} into its window at {@code now}. */
    public Allocation allocate(String store, int count, Instant now) {
        String nowText = Timestamps.format(now);
        for (int attempt = 0;; attempt++) {
            try {
                Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(tableName).key(key(store))
                        .updateExpression("ADD #seen :k")
                        .conditionExpression("#end > :now")
                        .expressionAttributeNames(Map.of("#seen", AlertsTable.SEEN, "#end", AlertsTable.WINDOW_END))
                        .expressionAttributeValues(Map.of(":k", number(count), ":now", AttributeValue.fromS(nowText)))
                        .returnValues(ReturnValue.ALL_NEW)).attributes();
                long before = Long.parseLong(updated.get(AlertsTable.SEEN).n()) - count;
                int now1 = (int) Math.max(0, Math.min(count, immediate - before));
                return new Allocation(now1, Instant.parse(updated.get(AlertsTable.WINDOW_START).s()),
                        Instant.parse(updated.get(AlertsTable.WINDOW_END).s()), false);
            } catch (ConditionalCheckFailedException closedOrMissing) {
                // no open window: open one below
            }
            Instant end = now.plus(window);
            try {
                Map<String, AttributeValue> old = dynamoDb.updateItem(b -> b.tableName(tableName).key(key(store))
                        .updateExpression("SET #start = :now, #end = :end, #seen = :k")
                        .conditionExpression("attribute_not_exists(#end) OR #end <= :now")
                        .expressionAttributeNames(Map.of("#start", AlertsTable.WINDOW_START,
                                "#end", AlertsTable.WINDOW_END, "#seen", AlertsTable.SEEN))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(nowText),
                                ":end", AttributeValue.fromS(Timestamps.format(end)), ":k", number(count)))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                AttributeValue due = old == null ? null : old.get(AlertsTable.HELD_IN);
                return new Allocation(Math.min(count, immediate), Instant.parse(Timestamps.format(now)), end,
                        due != null && AlertsTable.FLUSH_DUE.equals(due.s()));
            } catch (ConditionalCheckFailedException openedMeanwhile) {
                if (attempt >= 3) {
                    throw openedMeanwhile;
                }
            }
        }
    }

    /** Marks the store's window record as holding alerts that await their digest (the schedule finds it). */
    public void markDue(String store) {
        dynamoDb.updateItem(b -> b.tableName(tableName).key(key(store))
                .updateExpression("SET #heldIn = :due")
                .expressionAttributeNames(Map.of("#heldIn", AlertsTable.HELD_IN))
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(AlertsTable.FLUSH_DUE))));
    }

    /** A store's window as stored. */
    public record Window(String store, Instant start, Instant end, boolean due) {
        public boolean closedAt(Instant now) {
            return !end.isAfter(now);
        }
    }

    /** The store's window (strongly consistent), or {@code null}. */
    public Window read(String store) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).key(key(store))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : window(item);
    }

    /** Every window waiting for its digest: one Query of the sparse index (at most one record per store). */
    public List<Window> due() {
        List<Window> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).indexName(AlertsTable.HELD_INDEX)
                    .keyConditionExpression("#heldIn = :due")
                    .expressionAttributeNames(Map.of("#heldIn", AlertsTable.HELD_IN))
                    .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(AlertsTable.FLUSH_DUE)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> due.add(window(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return due;
    }

    /**
     * Takes the window out of the flush queue once a flush found nothing left to digest; only if the window is still
     * the one that was read (a new window with held alerts keeps its mark).
     */
    public void clearDue(Window read) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(key(read.store()))
                    .updateExpression("REMOVE #heldIn")
                    .conditionExpression("#start = :start AND #heldIn = :due")
                    .expressionAttributeNames(Map.of("#heldIn", AlertsTable.HELD_IN,
                            "#start", AlertsTable.WINDOW_START))
                    .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(AlertsTable.FLUSH_DUE),
                            ":start", AttributeValue.fromS(Timestamps.format(read.start())))));
        } catch (ConditionalCheckFailedException changed) {
            // a new window holds alerts: it stays in the queue
        }
    }

    private static Window window(Map<String, AttributeValue> item) {
        AttributeValue due = item.get(AlertsTable.HELD_IN);
        return new Window(item.get(AlertsTable.STORE_ID).s(), Instant.parse(item.get(AlertsTable.WINDOW_START).s()),
                Instant.parse(item.get(AlertsTable.WINDOW_END).s()),
                due != null && AlertsTable.FLUSH_DUE.equals(due.s()));
    }

    private static Map<String, AttributeValue> key(String store) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(AlertsTable.STORE_ID, AttributeValue.fromS(store));
        key.put(AlertsTable.ALERT_ID, AttributeValue.fromS(AlertsTable.WINDOW_RECORD_ID));
        return key;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
