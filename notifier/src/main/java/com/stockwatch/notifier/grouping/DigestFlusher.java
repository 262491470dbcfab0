package com.stockwatch.notifier.grouping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.metrics.Metric;
import com.stockwatch.metrics.MetricsLogger;
import com.stockwatch.notifier.alert.AlertType;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.ledger.Delivery;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.message.SnsMessage;
import com.stockwatch.notifier.publish.PublishResult;
import com.stockwatch.notifier.publish.SnsPublisher;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sends a store's digest of held alerts once their window has closed, under the same claim-before-publish rule as
 * single alerts:
 * <ol>
 * <li>read the held alerts from the sparse index {@code held} (partition = the store), those of closed windows only;
 * count them by type and keep the most important few (out of stock first, then by name);</li>
 * <li>claim the digest record {@code ~digest#<window_start>#<first alert_id>} (PENDING with a lease, so a concurrent
 * flush of the same store backs off and a crashed one is taken over when the lease ends);</li>
 * <li>publish; mark the digest SENT and each alert DIGESTED (which takes it out of the index);</li>
 * <li>a flush that finds nothing left takes the window out of the flush queue.</li>
 * </ol>
 * A flush that finds its digest already SENT (the function died after publishing, before the marks) only does the
 * marks. SNS refusing the digest for good marks the digest and its alerts FAILED.
 */
public class DigestFlusher {

    private static final Logger LOG = Logger.getLogger(DigestFlusher.class);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final StoreWindows windows;
    private final AlertLedger ledger;
    private final SnsPublisher publisher;
    private final DigestMessages messages;
    private final int listedItems;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;
    private final Supplier<MetricsLogger> metrics;

    public DigestFlusher(DynamoDbClient dynamoDb, String tableName, StoreWindows windows, AlertLedger ledger,
            SnsPublisher publisher, DigestMessages messages, int listedItems, Duration lease, Duration retention,
            Clock clock, Supplier<MetricsLogger> metrics) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.windows = windows;
        this.ledger = ledger;
        this.publisher = publisher;
        this.messages = messages;
        this.listedItems = listedItems;
        this.lease = lease;
        this.retention = retention;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What one flush of a store did. */
    public enum Result {
        /** Nothing held (and the window left the flush queue if it had closed). */
        NOTHING,
        /** The window is still open: nothing to digest yet. */
        NOT_YET,
        /** A digest went out (or had gone out, and its marks were completed). */
        SENT,
        /** SNS refused the digest for good: it and its alerts are FAILED. */
        REFUSED,
        /** Another flush holds the digest's lease. */
        BUSY,
        /** SNS failed transiently: the next flush tries again. */
        RETRY
    }

    /** Flushes every store whose window waits for its digest and has closed. Returns the results by store. */
    public Map<String, Result> flushDue() {
        Map<String, Result> results = new java.util.LinkedHashMap<>();
        for (StoreWindows.Window window : windows.due()) {
            try {
                results.put(window.store(), flush(window.store()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Flushing the held alerts of store %s failed; the next run tries again", window.store());
                results.put(window.store(), Result.RETRY);
            }
        }
        return results;
    }

    /** Flushes the held alerts of {@code store} whose window has closed. */
    public Result flush(String store) {
        Instant now = clock.instant();
        StoreWindows.Window window = windows.read(store);
        if (window == null || !window.due()) {
            return Result.NOTHING;
        }
        // Alerts of windows that closed: all of them when the current one closed, else those of earlier windows.
        Optional<String> before = window.closedAt(now) ? Optional.empty()
                : Optional.of(Timestamps.format(window.start()));

        Summary summary = new Summary(listedItems);
        eachHeld(store, before, Optional.empty(), summary);
        if (summary.count == 0) {
            if (window.closedAt(now)) {
                windows.clearDue(window);
                return Result.NOTHING;
            }
            return Result.NOT_YET;
        }
        String digestId = AlertsTable.DIGEST_PREFIX + summary.windowStart + "#" + summary.firstAlertId;
        Instant windowStart = Instant.parse(summary.windowStart);
        Instant windowEnd = Instant.parse(summary.windowEnd);

        Map<String, AttributeValue> digest = new HashMap<>();
        digest.put(AlertsTable.STORE_ID, s(store));
        digest.put(AlertsTable.ALERT_ID, s(digestId));
        digest.put(AlertsTable.ALERT_TYPE, s("DIGEST"));
        digest.put(AlertsTable.ALERT_COUNT, n(summary.count));
        Map<String, AttributeValue> counts = new HashMap<>();
        summary.counts.forEach((type, count) -> counts.put(type.name(), n(count)));
        digest.put(AlertsTable.COUNTS, AttributeValue.fromM(counts));
        digest.put(AlertsTable.WINDOW_START, s(summary.windowStart));
        digest.put(AlertsTable.WINDOW_END, s(summary.windowEnd));
        digest.put(AlertsTable.OCCURRED_AT, s(Timestamps.format(now)));
        digest.put(AlertsTable.FIRST_ALERT_ID, s(summary.firstAlertId));
        digest.put(AlertsTable.LAST_ALERT_ID, s(summary.lastAlertId));
        digest.put(AlertsTable.EVENT_ID, s("flush"));
        digest.put(AlertsTable.EXPIRES_AT, n(now.plus(retention).getEpochSecond()));

        Map<String, AttributeValue> claim = new HashMap<>(digest);
        claim.put(AlertsTable.DELIVERY, s(Delivery.PENDING.name()));
        claim.put(AlertsTable.LEASE_UNTIL, s(Timestamps.format(now.plus(lease))));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(claim)
                    .conditionExpression("attribute_not_exists(#id) OR (#delivery = :pending AND #lease < :now)")
                    .expressionAttributeNames(Map.of("#id", AlertsTable.ALERT_ID, "#delivery", AlertsTable.DELIVERY,
                            "#lease", AlertsTable.LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":pending", s(Delivery.PENDING.name()),
                            ":now", s(Timestamps.format(now)))));
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(Map.of(AlertsTable.STORE_ID, s(store), AlertsTable.ALERT_ID, s(digestId)))).item();
            AttributeValue delivery = existing == null ? null : existing.get(AlertsTable.DELIVERY);
            if (delivery != null && Delivery.SENT.name().equals(delivery.s())) {
                LOG.infof("Digest %s of store %s went out before; completing its marks", digestId, store);
                markHeld(store, before, summary.lastAlertId,
                        entry -> AlertLedger.Mark.digested(entry, digestId, existing.get(AlertsTable.MESSAGE_ID).s(),
                                now));
                return Result.SENT;
            }
            return Result.BUSY;
        }

        SnsMessage message = messages.digest(store, windowStart, windowEnd, summary.counts, summary.top(), digestId);
        PublishResult published = publisher.send(List.of(message)).get(0);
        metrics.get().record(published.isAccepted() ? Metric.DIGESTS : Metric.SNS_FAILURES, 1).flush();
        if (published.isAccepted()) {
            String messageId = published.messageId().orElseThrow();
            Map<String, AttributeValue> sent = new HashMap<>(digest);
            sent.put(AlertsTable.DELIVERY, s(Delivery.SENT.name()));
            sent.put(AlertsTable.MESSAGE_ID, s(messageId));
            sent.put(AlertsTable.DELIVERED_AT, s(Timestamps.format(clock.instant())));
            dynamoDb.putItem(b -> b.tableName(tableName).item(sent));
            markHeld(store, before, summary.lastAlertId,
                    entry -> AlertLedger.Mark.digested(entry, digestId, messageId, now));
            LOG.infof("Digest of %d held alerts of store %s sent (%s)", summary.count, store, messageId);
            return Result.SENT;
        }
        String reason = published.error().orElse("?");
        if (published.permanent()) {
            LOG.errorf("SNS refused the digest %s of store %s for good: %s", digestId, store, reason);
            Map<String, AttributeValue> failed = new HashMap<>(digest);
            failed.put(AlertsTable.DELIVERY, s(Delivery.FAILED.name()));
            failed.put(AlertsTable.FAILURE_REASON, s(reason));
            dynamoDb.putItem(b -> b.tableName(tableName).item(failed));
            markHeld(store, before, summary.lastAlertId, entry -> AlertLedger.Mark.failed(entry, reason));
            return Result.REFUSED;
        }
        LOG.errorf("SNS did not take the digest %s of store %s: %s; the next flush tries again after %s", digestId,
                store, reason, lease);
        return Result.RETRY;
    }

    /** Second pass: records the outcome of every held alert up to {@code lastAlertId}, page by page. */
    private void markHeld(String store, Optional<String> before, String lastAlertId,
            java.util.function.Function<LedgerEntry, AlertLedger.Mark> mark) {
        List<AlertLedger.Mark> page = new ArrayList<>();
        eachHeld(store, before, Optional.of(lastAlertId), item -> {
            page.add(mark.apply(LedgerEntry.fromRecord(item)));
            if (page.size() >= 500) {
                record(page);
                page.clear();
            }
        });
        record(page);
    }

    private void record(List<AlertLedger.Mark> marks) {
        List<AlertLedger.Outcome> outcomes = ledger.markAll(marks, clock.instant());
        long failed = outcomes.stream().filter(o -> o != AlertLedger.Outcome.DONE).count();
        if (failed > 0) {
            // They stay HELD: the next flush finds the digest SENT and completes the marks.
            throw new IllegalStateException(failed + " digested alerts could not be marked");
        }
    }

    /** Every held alert of {@code store} (of windows before {@code before}, up to {@code upTo}), in sort order. */
    private void eachHeld(String store, Optional<String> before, Optional<String> upTo,
            Consumer<Map<String, AttributeValue>> each) {
        Map<String, String> names = new HashMap<>(Map.of("#heldIn", AlertsTable.HELD_IN));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":store", s(store)));
        String keyCondition = "#heldIn = :store";
        if (upTo.isPresent()) {
            keyCondition += " AND #id <= :last";
            names.put("#id", AlertsTable.ALERT_ID);
            values.put(":last", s(upTo.get()));
        }
        String filter = null;
        if (before.isPresent()) {
            filter = "#start < :before";
            names.put("#start", AlertsTable.WINDOW_START);
            values.put(":before", s(before.get()));
        }
        String condition = keyCondition;
        String filterExpression = filter;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).indexName(AlertsTable.HELD_INDEX)
                    .keyConditionExpression(condition).filterExpression(filterExpression)
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(from));
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** Counts by type, first and last alert id, window span, and the {@code listed} most important alerts. */
    private static final class Summary implements Consumer<Map<String, AttributeValue>> {
        private static final Comparator<DigestMessages.Line> IMPORTANCE = Comparator
                .comparingInt((DigestMessages.Line line) -> line.type().ordinal())
                .thenComparing(line -> line.itemName().toLowerCase(Locale.ROOT))
                .thenComparing(DigestMessages.Line::itemId);

        final Map<AlertType, Long> counts = new EnumMap<>(AlertType.class);
        final int listed;
        final PriorityQueue<DigestMessages.Line> top = new PriorityQueue<>(IMPORTANCE.reversed());
        long count;
        String firstAlertId;
        String lastAlertId;
        String windowStart;
        String windowEnd;

        Summary(int listed) {
            this.listed = listed;
        }

        @Override
        public void accept(Map<String, AttributeValue> item) {
            String alertId = item.get(AlertsTable.ALERT_ID).s();
            AlertType type = AlertType.valueOf(item.get(AlertsTable.ALERT_TYPE).s());
            count++;
            counts.merge(type, 1L, Long::sum);
            firstAlertId = firstAlertId == null ? alertId : firstAlertId;
            lastAlertId = alertId;
            String start = item.get(AlertsTable.WINDOW_START).s();
            String end = item.get(AlertsTable.WINDOW_END).s();
            windowStart = windowStart == null || start.compareTo(windowStart) < 0 ? start : windowStart;
            windowEnd = windowEnd == null || end.compareTo(windowEnd) > 0 ? end : windowEnd;
            AttributeValue old = item.get(AlertsTable.OLD_LEVEL);
            top.add(new DigestMessages.Line(type, item.get(AlertsTable.ITEM_ID).s(),
                    item.get(AlertsTable.ITEM_NAME).s(),
                    old == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(old.n())),
                    Long.parseLong(item.get(AlertsTable.NEW_LEVEL).n()),
                    Instant.parse(item.get(AlertsTable.OCCURRED_AT).s())));
            if (top.size() > listed) {
                top.poll();
            }
        }

        List<DigestMessages.Line> top() {
            List<DigestMessages.Line> lines = new ArrayList<>(top);
            lines.sort(IMPORTANCE);
            return lines;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
