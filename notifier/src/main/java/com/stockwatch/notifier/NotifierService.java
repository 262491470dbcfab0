package com.stockwatch.notifier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.alert.StockChange;
import com.stockwatch.notifier.alert.StreamRecordReader;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.ledger.Delivery;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.message.SnsMessage;
import com.stockwatch.notifier.publish.PublishResult;
import com.stockwatch.notifier.publish.SnsPublisher;


/**
 * Turns one batch of stream records into notifications:
 * <ol>
 * <li>read and classify every record (a malformed record is logged with its keys and skipped);</li>
 * <li>claim each alert in {@code InventoryAlerts} (the de-duplication guard, see {@link AlertLedger}); an alert
 * that went out before is dropped;</li>
 * <li>per store: more alerts than the storm threshold become one digest, otherwise one message each;</li>
 * <li>publish in stream order, and mark each alert SENT or DIGEST once SNS accepted its message.</li>
 * </ol>
 * The first record that fails (its claim, or its message) is reported as the batch item failure; Lambda retries
 * from there, and the claims make the records after it that did go out safe to see again. Nothing after the first
 * failure is published in this invocation, so one item's notifications keep their order.
 */
public class NotifierService {

    private static final Logger LOG = Logger.getLogger(NotifierService.class);

    private final AlertClassifier classifier;
    private final AlertMessages messages;
    private final DigestMessages digests;
    private final AlertLedger ledger;
    private final SnsPublisher publisher;
    private final int digestThreshold;
    private final Clock clock;

    public NotifierService(AlertClassifier classifier, AlertMessages messages, DigestMessages digests,
            AlertLedger ledger, SnsPublisher publisher, int digestThreshold, Clock clock) {
        this.classifier = classifier;
        this.messages = messages;
        this.digests = digests;
        this.ledger = ledger;
        this.publisher = publisher;
        this.digestThreshold = digestThreshold;
        this.clock = clock;
    }

    /** An alert and the position of the stream record that raised it. */
    private record Raised(int index, Alert alert) {
    }

    /** A message to send and the alerts it carries (in stream order). */
    private record Outgoing(SnsMessage message, List<Raised> alerts, Delivery delivery) {
        int firstIndex() {
            return alerts.get(0).index();
        }
    }

    public StreamsEventResponse process(List<DynamodbStreamRecord> records) {
        List<Raised> raised = classify(records);
        int failAt = records.size();

        Instant now = clock.instant();
        List<AlertLedger.Outcome> claims = ledger.claimAll(raised.stream().map(Raised::alert).toList(), now);
        for (int i = 0; i < raised.size(); i++) {
            if (claims.get(i) == AlertLedger.Outcome.FAILED) {
                LOG.errorf("Cannot record the alert of %s; the batch is retried from it",
                        StreamRecordReader.describeKeys(records.get(raised.get(i).index())));
                failAt = raised.get(i).index();
                break;
            }
        }
        List<Raised> claimed = new ArrayList<>(raised.size());
        for (int i = 0; i < raised.size(); i++) {
            Raised candidate = raised.get(i);
            if (candidate.index() >= failAt) {
                break; // claimed or not, it is retried: a claim of this very event is taken over then
            }
            if (claims.get(i) == AlertLedger.Outcome.DONE) {
                claimed.add(candidate);
            } else {
                LOG.infof("Alert %s for store %s item %s was sent before (event %s): not sent again",
                        candidate.alert().type(), candidate.alert().storeId(), candidate.alert().itemId(),
                        candidate.alert().eventId());
            }
        }

        List<Outgoing> outgoing = plan(claimed);
        List<SnsMessage> toSend = outgoing.stream().map(Outgoing::message).toList();
        int next = 0;
        for (List<SnsMessage> call : SnsPublisher.calls(toSend)) {
            List<Outgoing> inCall = outgoing.subList(next, next + call.size());
            next += call.size();
            if (inCall.get(0).firstIndex() >= failAt) {
                break; // everything from failAt on is retried anyway: keep it PENDING, in order
            }
            List<PublishResult> results = publisher.send(call);
            List<AlertLedger.Delivered> delivered = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Outgoing sent = inCall.get(i);
                PublishResult result = results.get(i);
                if (result.isAccepted()) {
                    sent.alerts().forEach(r -> delivered.add(new AlertLedger.Delivered(r.alert(), sent.delivery(),
                            result.messageId().orElseThrow())));
                } else {
                    LOG.errorf("SNS did not take the %s message for store %s (%d alert(s), first %s): %s",
                            sent.delivery(), sent.alerts().get(0).alert().storeId(), sent.alerts().size(),
                            StreamRecordReader.describeKeys(records.get(sent.firstIndex())),
                            result.error().orElse("?"));
                    failAt = Math.min(failAt, sent.firstIndex());
                }
            }
            recordDelivered(delivered);
        }

        StreamsEventResponse response = new StreamsEventResponse();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (failAt < records.size()) {
            String sequenceNumber = records.get(failAt).getDynamodb().getSequenceNumber();
            failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build());
        }
        response.setBatchItemFailures(failures);
        return response;
    }

    private List<Raised> classify(List<DynamodbStreamRecord> records) {
        List<Raised> raised = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            DynamodbStreamRecord record = records.get(i);
            try {
                Optional<StockChange> change = StreamRecordReader.read(record);
                if (change.isPresent()) {
                    int index = i;
                    classifier.classify(change.get()).ifPresent(alert -> raised.add(new Raised(index, alert)));
                }
            } catch (RuntimeException e) {
                LOG.warnf("Skipping malformed stream record %s: %s", StreamRecordReader.describeKeys(record),
                        e.getMessage());
            }
        }
        return raised;
    }

    /** Groups the claimed alerts into messages: a digest for a store above the threshold, else one each. */
    private List<Outgoing> plan(List<Raised> claimed) {
        Map<String, List<Raised>> byStore = new LinkedHashMap<>();
        claimed.forEach(r -> byStore.computeIfAbsent(r.alert().storeId(), store -> new ArrayList<>()).add(r));
        List<Outgoing> outgoing = new ArrayList<>();
        byStore.forEach((store, alerts) -> {
            if (alerts.size() > digestThreshold) {
                outgoing.add(new Outgoing(digests.digest(store, alerts.stream().map(Raised::alert).toList()), alerts,
                        Delivery.DIGEST));
            } else {
                alerts.forEach(r -> outgoing.add(new Outgoing(messages.single(r.alert()), List.of(r), Delivery.SENT)));
            }
        });
        outgoing.sort(Comparator.comparingInt(Outgoing::firstIndex));
        return outgoing;
    }

    /**
     * Marks the alerts of a message that SNS accepted. A failure here is logged, not retried: the notification is
     * out, and retrying the record would send it a second time; the record stays PENDING.
     */
    private void recordDelivered(List<AlertLedger.Delivered> delivered) {
        List<AlertLedger.Outcome> outcomes = ledger.deliveredAll(delivered, clock.instant());
        for (int i = 0; i < delivered.size(); i++) {
            if (outcomes.get(i) != AlertLedger.Outcome.DONE) {
                Alert alert = delivered.get(i).alert();
                LOG.warnf("Alert %s of store %s item %s went out as SNS message %s but stays marked PENDING",
                        alert.alertId(), alert.storeId(), alert.itemId(), delivered.get(i).messageId());
            }
        }
    }
}
