package com.stockwatch.notifier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.forecast.Forecast;
import com.stockwatch.metrics.Metric;
import com.stockwatch.metrics.MetricsLogger;
import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.alert.StockChange;
import com.stockwatch.notifier.alert.StreamRecordReader;
import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.grouping.StoreWindows;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.SnsMessage;
import com.stockwatch.notifier.publish.PublishResult;
import com.stockwatch.notifier.publish.SnsPublisher;

/**
 * Turns one batch of {@code Inventory} stream records into notifications:
 * <ol>
 * <li>read and classify every record (a malformed record is logged with its keys and skipped);</li>
 * <li>claim each alert in {@code InventoryAlerts} (the de-duplication guard, see {@link AlertLedger}); an alert
 * handled before is dropped;</li>
 * <li>per store, count the claimed alerts into the store's grouping window ({@link StoreWindows}): the first ones of
 * the window go out one by one, the rest are recorded HELD for the window's digest ({@link DigestFlusher});</li>
 * <li>publish in stream order (one item at most once per PublishBatch call) and record each alert SENT, or FAILED when
 * SNS refuses it for good;</li>
 * <li>flush the digest of a store's earlier window that closed with held alerts (the schedule would too).</li>
 * </ol>
 * The first record that fails transiently (its claim, its window, its hold, its message) is reported as the batch
 * item failure; Lambda retries from there, and the claims make the records after it that went out safe to see again.
 * Nothing after the first failure is published in this invocation, so one item's notifications keep their order.
 */
public class NotifierService {

    private static final Logger LOG = Logger.getLogger(NotifierService.class);

    private final AlertClassifier classifier;
    private final AlertMessages messages;
    private final AlertLedger ledger;
    private final StoreWindows windows;
    private final DigestFlusher flusher;
    private final SnsPublisher publisher;
    private final Executor executor;
    private final Clock clock;
    private final Supplier<MetricsLogger> metrics;

    public NotifierService(AlertClassifier classifier, AlertMessages messages, AlertLedger ledger,
            StoreWindows windows, DigestFlusher flusher, SnsPublisher publisher, Executor executor, Clock clock,
            Supplier<MetricsLogger> metrics) {
        this.classifier = classifier;
        this.messages = messages;
        this.ledger = ledger;
        this.windows = windows;
        this.flusher = flusher;
        this.publisher = publisher;
        this.executor = executor;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An alert and the position of the stream record that raised it. */
    private record Raised(int index, Alert alert, LedgerEntry entry) {
    }

    /** A message to send and the alert it carries. */
    private record Outgoing(SnsMessage message, Raised alert) {
    }

    /** Processes a batch without stock-out warnings. */
    public Optional<Integer> process(List<DynamodbStreamRecord> records) {
        return process(records, Map.of());
    }

    /**
     * Processes the batch.
     *
     * @param warnings by record position, the forecasts of the records that raise PREDICTED_OUT_OF_STOCK (decided
     *                 by the item states, {@link com.stockwatch.notifier.alert.StockOutWarnings}); they go through
     *                 the same ledger, grouping and publishing as the other alerts
     * @return the position of the first record to retry, or empty when the whole batch is done
     */
    public Optional<Integer> process(List<DynamodbStreamRecord> records, Map<Integer, Forecast> warnings) {
        List<Raised> raised = classify(records, warnings);
        int failAt = records.size();

        Instant now = clock.instant();
        List<AlertLedger.Outcome> claims = ledger.claimAll(raised.stream().map(Raised::entry).toList(), now);
        for (int i = 0; i < raised.size(); i++) {
            if (claims.get(i) == AlertLedger.Outcome.FAILED) {
                LOG.errorf("Cannot record the alert of %s; the batch is retried from it",
                        StreamRecordReader.describeKeys(records.get(raised.get(i).index())));
                failAt = raised.get(i).index();
                break;
            }
        }
        Map<String, List<Raised>> byStore = new LinkedHashMap<>();
        for (int i = 0; i < raised.size(); i++) {
            Raised candidate = raised.get(i);
            if (candidate.index() >= failAt) {
                break; // claimed or not, it is retried: a claim of this very event is taken over then
            }
            if (claims.get(i) == AlertLedger.Outcome.DONE) {
                byStore.computeIfAbsent(candidate.alert().storeId(), store -> new ArrayList<>()).add(candidate);
            } else {
                LOG.infof("Alert %s for store %s item %s was handled before (event %s): not sent again",
                        candidate.alert().type(), candidate.alert().storeId(), candidate.alert().itemId(),
                        candidate.alert().eventId());
            }
        }

        MetricsLogger raisedNow = metrics.get();
        byStore.values().forEach(alerts -> alerts.forEach(r -> raisedNow.record(Metric.ALERTS, "AlertType",
                r.alert().type().name(), 1)));
        raisedNow.flush();

        // Count each store's alerts into its window, the stores concurrently.
        Map<String, CompletableFuture<StoreWindows.Allocation>> allocations = new LinkedHashMap<>();
        byStore.forEach((store, alerts) -> allocations.put(store,
                CompletableFuture.supplyAsync(() -> windows.allocate(store, alerts.size(), now), executor)));
        List<Outgoing> outgoing = new ArrayList<>();
        List<AlertLedger.Mark> holds = new ArrayList<>();
        List<String> markDue = new ArrayList<>();
        List<String> flushEarlier = new ArrayList<>();
        for (Map.Entry<String, List<Raised>> store : byStore.entrySet()) {
            StoreWindows.Allocation allocation;
            try {
                allocation = allocations.get(store.getKey()).join();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Cannot count the alerts of store %s into its window; retried", store.getKey());
                failAt = Math.min(failAt, store.getValue().get(0).index());
                continue;
            }
            List<Raised> alerts = store.getValue();
            for (int i = 0; i < alerts.size(); i++) {
                Raised alert = alerts.get(i);
                if (i < allocation.immediate()) {
                    outgoing.add(new Outgoing(messages.single(alert.alert()), alert));
                } else {
                    holds.add(AlertLedger.Mark.held(alert.entry(), allocation.start(), allocation.end()));
                }
            }
            if (alerts.size() > allocation.immediate()) {
                markDue.add(store.getKey());
            }
            if (allocation.earlierHeld()) {
                flushEarlier.add(store.getKey());
            }
        }

        failAt = hold(records, holds, markDue, failAt);
        failAt = publish(records, outgoing, failAt);

        for (String store : flushEarlier) {
            try {
                flusher.flush(store);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Flushing the earlier window of store %s failed; the schedule tries again", store);
            }
        }
        return failAt < records.size() ? Optional.of(failAt) : Optional.empty();
    }

    /** Records the held alerts: first the stores' flush marks, then the alerts HELD. Returns the new failAt. */
    private int hold(List<DynamodbStreamRecord> records, List<AlertLedger.Mark> holds, List<String> markDue,
            int failAt) {
        List<String> unmarked = new ArrayList<>();
        for (String store : markDue) {
            try {
                windows.markDue(store);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Cannot queue the digest of store %s; its held alerts are retried", store);
                unmarked.add(store);
            }
        }
        List<AlertLedger.Mark> toWrite = new ArrayList<>();
        int result = failAt;
        for (AlertLedger.Mark hold : holds) {
            if (unmarked.contains(hold.entry().storeId())) {
                result = Math.min(result, indexOf(records, hold));
            } else {
                toWrite.add(hold);
            }
        }
        List<AlertLedger.Outcome> outcomes = ledger.markAll(toWrite, clock.instant());
        for (int i = 0; i < toWrite.size(); i++) {
            if (outcomes.get(i) != AlertLedger.Outcome.DONE) {
                result = Math.min(result, indexOf(records, toWrite.get(i)));
            }
        }
        return result;
    }

    private static int indexOf(List<DynamodbStreamRecord> records, AlertLedger.Mark mark) {
        for (int i = 0; i < records.size(); i++) {
            if (mark.entry().eventId().equals(records.get(i).getEventID())) {
                return i;
            }
        }
        return 0;
    }

    /** Publishes the single messages in stream order up to failAt; returns the new failAt. */
    private int publish(List<DynamodbStreamRecord> records, List<Outgoing> outgoing, int failAt) {
        outgoing.sort(Comparator.comparingInt(o -> o.alert().index()));
        List<SnsMessage> toSend = outgoing.stream().map(Outgoing::message).toList();
        int next = 0;
        for (List<SnsMessage> call : SnsPublisher.calls(toSend)) {
            List<Outgoing> inCall = outgoing.subList(next, next + call.size());
            next += call.size();
            if (inCall.get(0).alert().index() >= failAt) {
                break; // everything from failAt on is retried anyway: keep it PENDING, in order
            }
            List<PublishResult> results = publisher.send(call);
            long refused = results.stream().filter(r -> !r.isAccepted()).count();
            if (refused > 0) {
                metrics.get().record(Metric.SNS_FAILURES, refused).flush();
            }
            List<AlertLedger.Mark> marks = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Raised sent = inCall.get(i).alert();
                PublishResult result = results.get(i);
                if (result.isAccepted()) {
                    marks.add(AlertLedger.Mark.sent(sent.entry(), result.messageId().orElseThrow(), clock.instant()));
                } else if (result.permanent()) {
                    LOG.errorf("SNS refused the alert %s of store %s item %s for good: %s; recorded FAILED",
                            sent.alert().type(), sent.alert().storeId(), sent.alert().itemId(),
                            result.error().orElse("?"));
                    marks.add(AlertLedger.Mark.failed(sent.entry(), result.error().orElse("?")));
                } else {
                    LOG.errorf("SNS did not take the alert of %s: %s",
                            StreamRecordReader.describeKeys(records.get(sent.index())), result.error().orElse("?"));
                    failAt = Math.min(failAt, sent.index());
                }
            }
            recordOutcomes(marks);
        }
        return failAt;
    }

    private List<Raised> classify(List<DynamodbStreamRecord> records, Map<Integer, Forecast> warnings) {
        List<Raised> raised = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            DynamodbStreamRecord record = records.get(i);
            try {
                Optional<StockChange> change = StreamRecordReader.read(record);
                if (change.isPresent()) {
                    int index = i;
                    classifier.classify(change.get())
                            .ifPresent(alert -> raised.add(new Raised(index, alert, LedgerEntry.of(alert))));
                    Forecast forecast = warnings.get(index);
                    if (forecast != null) {
                        Alert alert = Alert.predicted(change.get(), forecast);
                        raised.add(new Raised(index, alert, LedgerEntry.of(alert)));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Skipping malformed stream record %s: %s", StreamRecordReader.describeKeys(record),
                        e.getMessage());
            }
        }
        return raised;
    }

    /**
     * Records the outcome of published alerts. A failure here is logged, not retried: the notification is out (or
     * refused for good), and retrying the record would send it a second time; the record stays PENDING.
     */
    private void recordOutcomes(List<AlertLedger.Mark> marks) {
        List<AlertLedger.Outcome> outcomes = ledger.markAll(marks, clock.instant());
        for (int i = 0; i < marks.size(); i++) {
            if (outcomes.get(i) != AlertLedger.Outcome.DONE) {
                LedgerEntry entry = marks.get(i).entry();
                LOG.warnf("Alert %s of store %s went out (%s) but stays marked PENDING", entry.alertId(),
                        entry.storeId(), marks.get(i).delivery());
            }
        }
    }
}
