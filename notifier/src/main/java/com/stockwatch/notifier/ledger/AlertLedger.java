package com.stockwatch.notifier.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The alert records in {@code InventoryAlerts}, which are also the de-duplication guard.
 * <p>
 * Before an alert is published (or held for a digest) it is <em>claimed</em>: a conditional PutItem of its record
 * with {@code delivery = PENDING} and the raising event's {@code event_id}. The record's key is the same every time
 * the event is seen again, so the condition ({@code attribute_not_exists(alert_id) OR (event_id = :event AND
 * delivery = PENDING)}) lets a claim through only when the alert was never claimed, or when this very event claimed it
 * before without finishing (publish failed, or the function died). After that the record is written again with its
 * outcome ({@link Delivery#SENT}, {@link Delivery#HELD}, {@link Delivery#DIGESTED}, {@link Delivery#FAILED}): this
 * invocation holds the claim, so BatchWriteItem without a condition is safe, 25 records a call; from then on every
 * further delivery of the event is refused at the claim.
 */
public class AlertLedger {

    private static final Logger LOG = Logger.getLogger(AlertLedger.class);

    /** BatchWriteItem's limit. */
    private static final int MAX_BATCH_WRITE = 25;

    private static final String CLAIM_CONDITION = "attribute_not_exists(#alertId) OR (#eventId = :eventId AND "
            + "#delivery = :pending)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Executor executor;

    /**
     * @param executor runs the writes of {@link #claimAll} and {@link #markAll} concurrently (a batch of a thousand
     *                 alerts would take seconds one write at a time)
     */
    public AlertLedger(DynamoDbClient dynamoDb, String tableName, Duration retention, Executor executor) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.executor = executor;
    }

    public String tableName() {
        return tableName;
    }

    /** Outcome of one write of {@link #claimAll} or {@link #markAll}. */
    public enum Outcome {
        /** Claimed: publish (or hold) it. Or: marked. */
        DONE,
        /** Went out (or was held) before: do not publish it again. */
        ALREADY_SENT,
        /** DynamoDB failed. */
        FAILED
    }

    /**
     * An alert's outcome to record.
     *
     * @param entry    the alert
     * @param delivery its new state
     * @param extra    attributes of that state ({@code message_id}, {@code held_in}, {@code failure_reason}, ...)
     */
    public record Mark(LedgerEntry entry, Delivery delivery, Map<String, AttributeValue> extra) {

        public static Mark sent(LedgerEntry entry, String messageId, Instant at) {
            return new Mark(entry, Delivery.SENT, Map.of(AlertsTable.MESSAGE_ID, AttributeValue.fromS(messageId),
                    AlertsTable.DELIVERED_AT, AttributeValue.fromS(Timestamps.format(at))));
        }

        /** Held for the digest of the window {@code start}..{@code end}: in the sparse index under its store. */
        public static Mark held(LedgerEntry entry, Instant start, Instant end) {
            return new Mark(entry, Delivery.HELD, Map.of(AlertsTable.HELD_IN, AttributeValue.fromS(entry.storeId()),
                    AlertsTable.WINDOW_START, AttributeValue.fromS(Timestamps.format(start)),
                    AlertsTable.WINDOW_END, AttributeValue.fromS(Timestamps.format(end))));
        }

        public static Mark digested(LedgerEntry entry, String digestId, String messageId, Instant at) {
            return new Mark(entry, Delivery.DIGESTED, Map.of(AlertsTable.DIGEST_ID, AttributeValue.fromS(digestId),
                    AlertsTable.MESSAGE_ID, AttributeValue.fromS(messageId),
                    AlertsTable.DELIVERED_AT, AttributeValue.fromS(Timestamps.format(at))));
        }

        public static Mark failed(LedgerEntry entry, String reason) {
            return new Mark(entry, Delivery.FAILED, Map.of(AlertsTable.FAILURE_REASON, AttributeValue.fromS(reason)));
        }
    }

    /** {@link #claim} for every entry, concurrently; outcomes in the order of {@code entries}. */
    public List<Outcome> claimAll(List<LedgerEntry> entries, Instant now) {
        List<CompletableFuture<Outcome>> futures = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            futures.add(CompletableFuture.supplyAsync(() -> claim(entry, now) ? Outcome.DONE : Outcome.ALREADY_SENT,
                    executor).exceptionally(e -> {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        LOG.errorf(cause, "DynamoDB write of alert %s of store %s failed", entry.alertId(),
                                entry.storeId());
                        return Outcome.FAILED;
                    }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Records every mark: the whole record written again (unconditionally: this invocation holds the claim) with
     * BatchWriteItem, 25 a call, the calls concurrently. Outcomes in the order of {@code marks}.
     */
    public List<Outcome> markAll(List<Mark> marks, Instant now) {
        List<CompletableFuture<List<Outcome>>> chunks = new ArrayList<>();
        for (int from = 0; from < marks.size(); from += MAX_BATCH_WRITE) {
            List<Mark> chunk = marks.subList(from, Math.min(marks.size(), from + MAX_BATCH_WRITE));
            chunks.add(CompletableFuture.supplyAsync(() -> markChunk(chunk, now), executor)
                    .exceptionally(e -> {
                        LOG.errorf(e, "DynamoDB could not record %d alert outcomes", chunk.size());
                        return Collections.nCopies(chunk.size(), Outcome.FAILED);
                    }));
        }
        return chunks.stream().flatMap(chunk -> chunk.join().stream()).toList();
    }

    private List<Outcome> markChunk(List<Mark> chunk, Instant now) {
        Map<String, Integer> positions = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Mark mark = chunk.get(i);
            Map<String, AttributeValue> item = item(mark.entry(), now, mark.delivery());
            item.putAll(mark.extra());
            positions.put(mark.entry().storeId() + "\u0000" + mark.entry().alertId(), i);
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
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(chunk.size(), Outcome.DONE));
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

    private Map<String, AttributeValue> item(LedgerEntry entry, Instant now, Delivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>(entry.details());
        item.put(AlertsTable.STORE_ID, AttributeValue.fromS(entry.storeId()));
        item.put(AlertsTable.ALERT_ID, AttributeValue.fromS(entry.alertId()));
        item.put(AlertsTable.EVENT_ID, AttributeValue.fromS(entry.eventId()));
        item.put(AlertsTable.DELIVERY, AttributeValue.fromS(delivery.name()));
        item.put(AlertsTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
        return item;
    }

    /**
     * Claims {@code entry}.
     *
     * @return {@code true} when this event must publish (or hold) the alert; {@code false} when it was handled
     *         before and must not be again
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB fails (the event must be retried)
     */
    public boolean claim(LedgerEntry entry, Instant now) {
        Map<String, AttributeValue> item = item(entry, now, Delivery.PENDING);
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(Map.of("#alertId", AlertsTable.ALERT_ID,
                            "#eventId", AlertsTable.EVENT_ID, "#delivery", AlertsTable.DELIVERY))
                    .expressionAttributeValues(Map.of(":eventId", AttributeValue.fromS(entry.eventId()),
                            ":pending", AttributeValue.fromS(Delivery.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyDone) {
            return false;
        }
    }
}
