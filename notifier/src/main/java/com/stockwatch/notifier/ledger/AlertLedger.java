package com.stockwatch.notifier.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.stockwatch.inventory.Timestamps;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.notifier.alert.Alert;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The alert records in {@code InventoryAlerts}, which are also the de-duplication guard.
 * <p>
 * Before an alert is published it is <em>claimed</em>: a conditional PutItem of its record with
 * {@code delivery = PENDING} and the stream record's {@code event_id}. The record's key
 * ({@code store_id}, {@code <time>#<item_id>#<type>}) is the same every time Lambda delivers the stream record again,
 * so the condition ({@code attribute_not_exists(alert_id) OR (event_id = :event AND delivery = PENDING)}) lets a
 * claim through only when the alert was never claimed, or when this very stream record claimed it before without
 * getting it out (publish failed, or the function died). After SNS accepted the message the record is marked
 * {@link Delivery#SENT} or {@link Delivery#DIGEST} (the record written again in full: this invocation holds the
 * claim, so BatchWriteItem without a condition is safe, 25 records a call); from then on every further delivery of the stream record is
 * refused at the claim and notifies nobody.
 */
public class AlertLedger {

    /** S: SNS message id of the notification that carried the alert (extra attribute, not in the shared model). */
    public static final String MESSAGE_ID = "message_id";
    /** S: ISO-8601 instant SNS accepted the notification (extra attribute, not in the shared model). */
    public static final String DELIVERED_AT = "delivered_at";

    /** BatchWriteItem's limit. */
    private static final int MAX_BATCH_WRITE = 25;

    private static final String CLAIM_CONDITION = "attribute_not_exists(#alertId) OR (#eventId = :eventId AND "
            + "#delivery = :pending)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Executor executor;

    /**
     * @param executor runs the writes of {@link #claimAll} and {@link #deliveredAll} concurrently (a batch of a
     *                 thousand alerts would take seconds one write at a time)
     */
    public AlertLedger(DynamoDbClient dynamoDb, String tableName, Duration retention, Executor executor) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.executor = executor;
    }

    /** Outcome of one write of {@link #claimAll} or {@link #deliveredAll}. */
    public enum Outcome {
        /** Claimed: publish it. Or: marked delivered. */
        DONE,
        /** Went out before: do not publish it again. */
        ALREADY_SENT,
        /** DynamoDB failed. */
        FAILED
    }

    /** {@link #claim} for every alert, concurrently; outcomes in the order of {@code alerts}. */
    public List<Outcome> claimAll(List<Alert> alerts, Instant now) {
        return all(alerts, alert -> claim(alert, now) ? Outcome.DONE : Outcome.ALREADY_SENT);
    }

    /**
     * Marks every alert as delivered: the whole record written again (unconditionally: this invocation holds the
     * claim) with BatchWriteItem, 25 a call, the calls concurrently. Outcomes in the order of {@code alerts}.
     */
    public List<Outcome> deliveredAll(List<Delivered> delivered, Instant now) {
        List<CompletableFuture<List<Outcome>>> chunks = new ArrayList<>();
        for (int from = 0; from < delivered.size(); from += MAX_BATCH_WRITE) {
            List<Delivered> chunk = delivered.subList(from, Math.min(delivered.size(), from + MAX_BATCH_WRITE));
            chunks.add(CompletableFuture.supplyAsync(() -> deliveredChunk(chunk, now), executor)
                    .exceptionally(e -> {
                        org.jboss.logging.Logger.getLogger(AlertLedger.class).errorf(e,
                                "DynamoDB could not mark %d alerts delivered", chunk.size());
                        return java.util.Collections.nCopies(chunk.size(), Outcome.FAILED);
                    }));
        }
        return chunks.stream().flatMap(chunk -> chunk.join().stream()).toList();
    }

    /**
     * An alert SNS accepted.
     *
     * @param alert     the alert
     * @param delivery  {@link Delivery#SENT} or {@link Delivery#DIGEST}
     * @param messageId SNS's id of the message that carried it
     */
    public record Delivered(Alert alert, Delivery delivery, String messageId) {
    }

    private List<Outcome> deliveredChunk(List<Delivered> chunk, Instant now) {
        Map<String, Integer> positions = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Alert alert = chunk.get(i).alert();
            Map<String, AttributeValue> item = item(alert, now, chunk.get(i).delivery());
            item.put(MESSAGE_ID, s(chunk.get(i).messageId()));
            item.put(DELIVERED_AT, s(now.toString()));
            positions.put(alert.storeId() + "\u0000" + alert.alertId(), i);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        for (int attempt = 0; attempt < 5 && !writes.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleep(50L << attempt);
            }
            List<WriteRequest> batch = writes;
            writes = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(tableName, batch)))
                    .unprocessedItems().getOrDefault(tableName, List.of());
        }
        List<Outcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(chunk.size(), Outcome.DONE));
        for (WriteRequest left : writes) {
            Map<String, AttributeValue> item = left.putRequest().item();
            outcomes.set(positions.get(item.get(AlertsTable.STORE_ID).s() + "\u0000"
                    + item.get(AlertsTable.ALERT_ID).s()), Outcome.FAILED);
        }
        return outcomes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, AttributeValue> item(Alert alert, Instant now, Delivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AlertsTable.STORE_ID, s(alert.storeId()));
        item.put(AlertsTable.ALERT_ID, s(alert.alertId()));
        item.put(AlertsTable.ITEM_ID, s(alert.itemId()));
        item.put(AlertsTable.ITEM_NAME, s(alert.itemName()));
        item.put(AlertsTable.ALERT_TYPE, s(alert.type().name()));
        alert.oldLevel().ifPresent(level -> item.put(AlertsTable.OLD_LEVEL, n(level)));
        item.put(AlertsTable.NEW_LEVEL, n(alert.newLevel()));
        item.put(AlertsTable.OCCURRED_AT, s(Timestamps.format(alert.occurredAt())));
        item.put(AlertsTable.EVENT_ID, s(alert.eventId()));
        item.put(AlertsTable.DELIVERY, s(delivery.name()));
        item.put(AlertsTable.EXPIRES_AT, n(now.plus(retention).getEpochSecond()));
        return item;
    }

    private List<Outcome> all(List<Alert> alerts, Function<Alert, Outcome> write) {
        List<CompletableFuture<Outcome>> futures = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            futures.add(CompletableFuture.supplyAsync(() -> write.apply(alert), executor).exceptionally(e -> {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                org.jboss.logging.Logger.getLogger(AlertLedger.class).errorf(cause,
                        "DynamoDB write of alert %s of store %s failed", alert.alertId(), alert.storeId());
                return Outcome.FAILED;
            }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Claims {@code alert} for publishing.
     *
     * @return {@code true} when this delivery must publish the alert; {@code false} when it went out before
     *         (a repeated stream record) and must not be published again
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB fails (the record must be retried)
     */
    public boolean claim(Alert alert, Instant now) {
        Map<String, AttributeValue> item = item(alert, now, Delivery.PENDING);
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(Map.of("#alertId", AlertsTable.ALERT_ID,
                            "#eventId", AlertsTable.EVENT_ID, "#delivery", AlertsTable.DELIVERY))
                    .expressionAttributeValues(Map.of(":eventId", s(alert.eventId()),
                            ":pending", s(Delivery.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyDone) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
