package com.stockwatch.notifier;

import static com.stockwatch.notifier.StreamRecords.modify;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.metrics.MetricsLogger;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.alert.StreamRecordReader;
import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.grouping.StoreWindows;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The stock-alert path without Quarkus, on DynamoDB Local and the SNS stand-in, with a clock the test moves: grouping
 * per store over time (first N at once, the rest held for one digest per window), the scheduled flush, the ledger
 * across crashes and redeliveries, and SNS failures by class.
 */
class NotifierServiceTest {

    static SnsStandIn standIn;
    static DynamoDbClient dynamoDb;
    static SnsClient sns;
    static ExecutorService threads;
    static int run = 100;

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    TestClock clock;
    AlertLedger ledger;
    StoreWindows windows;
    DigestFlusher flusher;
    NotifierService service;

    @BeforeAll
    static void start() {
        standIn = SnsStandIn.start();
        dynamoDb = Emulators.dynamoDbClient();
        DynamoDbLocalResource.recreateTables(dynamoDb);
        sns = SnsClient.builder().endpointOverride(standIn.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Emulators.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        threads.shutdown();
        sns.close();
        dynamoDb.close();
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
        run++;
        clock = new TestClock();
        clock.now = T0.plus(Duration.ofHours(run)); // every test its own windows
        wire(DynamoDbLocalResource.ALERTS);
    }

    void wire(String alertsTable) {
        ledger = new AlertLedger(dynamoDb, alertsTable, Duration.ofDays(90), threads);
        SnsPublisher publisher = new SnsPublisher(sns, standIn.topicArn());
        windows = new StoreWindows(dynamoDb, alertsTable, 10, Duration.ofMinutes(5));
        flusher = new DigestFlusher(dynamoDb, alertsTable, windows, ledger, publisher,
                new DigestMessages(Optional.of("https://stock.example.com")), 20, Duration.ofMinutes(2),
                Duration.ofDays(90), clock, MetricsLogger::discarding);
        service = new NotifierService(new AlertClassifier(5, true), new AlertMessages(Optional.empty(), 5), ledger,
                windows, flusher, publisher, threads, clock, MetricsLogger::discarding);
    }

    static List<PublishedMessage> messagesOf(String store) {
        return standIn.publishedMessages().stream().filter(m -> m.attribute("store_id").orElse("").equals(store))
                .toList();
    }

    static List<Map<String, AttributeValue>> alerts(String store) {
        List<Map<String, AttributeValue>> alerts = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(DynamoDbLocalResource.ALERTS)
                .keyConditionExpression("store_id = :s AND alert_id < :records")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store),
                        ":records", AttributeValue.fromS("~"))))
                .items().forEach(alerts::add);
        return alerts;
    }

    static Map<String, Long> byDelivery(String store) {
        Map<String, Long> counts = new HashMap<>();
        alerts(store).forEach(a -> counts.merge(a.get(AlertsTable.DELIVERY).s(), 1L, Long::sum));
        return counts;
    }

    @Test
    void aSingleOutageIsOneMessageWithinTheFirstBatch() {
        String store = "one-" + run;
        assertThat(service.process(List.of(modify(run, 0, store, "A", 10, 0), modify(run, 1, "quiet", "Q", 40, 30))))
                .isEmpty();

        assertThat(messagesOf(store)).singleElement()
                .satisfies(m -> assertThat(m.subject().orElseThrow()).startsWith("Out of stock: "));
        assertThat(standIn.calls()).extracting(c -> c.action()).containsExactly("Publish");
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 1L));
    }

    @Test
    void sparseZerosAcrossManyBatchesGiveTenMessagesAndOneDigestPerWindowEveryAlertAccountedFor() {
        String store = "sparse-" + run;
        int position = 0;
        for (int batch = 0; batch < 100; batch++) { // 100 batches of 3 zeros among other stores' records, 2 s apart
            List<DynamodbStreamRecord> records = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                records.add(modify(run, position++, "busy-" + run, "Q" + position, 40, 30)); // no alert
                records.add(modify(run, position++, store, "SKU-" + position, 10, 0));
            }
            assertThat(service.process(records)).isEmpty();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(messagesOf(store)).hasSize(10);
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 10L, "HELD", 290L));

        // The window (5 minutes from the first batch) has not closed yet: the schedule sends nothing.
        clock.now = T0.plus(Duration.ofHours(run)).plus(Duration.ofMinutes(4));
        assertThat(flusher.flush(store)).isEqualTo(DigestFlusher.Result.NOT_YET);

        // Closed, and no further batch came: the scheduled flush sends the digest.
        clock.now = T0.plus(Duration.ofHours(run)).plus(Duration.ofMinutes(6));
        assertThat(flusher.flushDue()).containsEntry(store, DigestFlusher.Result.SENT);
        List<PublishedMessage> digests = messagesOf(store).subList(10, messagesOf(store).size());
        assertThat(digests).singleElement().satisfies(digest -> {
            assertThat(digest.subject().orElseThrow()).startsWith("290 more stock alerts at store " + store);
            assertThat(digest.text("email")).contains("Out of stock: 290").contains("... and 270 more")
                    .contains("https://stock.example.com/stores/" + store + "/alerts?digest=");
        });
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 10L, "DIGESTED", 290L));
        assertThat(alerts(store)).filteredOn(a -> a.get(AlertsTable.DELIVERY).s().equals("DIGESTED"))
                .allSatisfy(a -> assertThat(a).doesNotContainKey(AlertsTable.HELD_IN)
                        .containsKey(AlertsTable.DIGEST_ID));

        // The next runs: nothing more to send; the window leaves the flush queue.
        standIn.reset();
        assertThat(flusher.flush(store)).isEqualTo(DigestFlusher.Result.NOTHING);
        assertThat(windows.due()).noneMatch(w -> w.store().equals(store));
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void aCrashBetweenClaimAndPublishIsSentByTheRedeliveryOnce() {
        String store = "crash-" + run;
        List<DynamodbStreamRecord> batch = List.of(modify(run, 0, store, "A", 10, 0));
        // The first invocation claimed the alert and died before publishing.
        LedgerEntry claimed = LedgerEntry.of(new AlertClassifier(5, true)
                .classify(StreamRecordReader.read(batch.get(0)).orElseThrow()).orElseThrow());
        assertThat(ledger.claimAll(List.of(claimed), clock.instant())).containsExactly(AlertLedger.Outcome.DONE);
        assertThat(byDelivery(store)).isEqualTo(Map.of("PENDING", 1L));

        assertThat(service.process(batch)).isEmpty();
        assertThat(service.process(batch)).isEmpty();

        assertThat(messagesOf(store)).hasSize(1);
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 1L));
    }

    @Test
    void aBatchRedeliveredAcrossAWindowBoundaryNotifiesNobodyTwice() {
        String store = "boundary-" + run;
        List<DynamodbStreamRecord> batch = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            batch.add(modify(run, i, store, "SKU-" + i, 10, 0));
        }
        assertThat(service.process(batch)).isEmpty();
        assertThat(messagesOf(store)).hasSize(10);

        clock.advance(Duration.ofMinutes(6)); // the window closed; Lambda delivers the same batch again
        assertThat(service.process(batch)).isEmpty();
        assertThat(messagesOf(store)).hasSize(10);

        // A new alert opens the next window: sent at once, and the earlier window's digest goes out with it.
        assertThat(service.process(List.of(modify(run, 15, store, "NEW", 10, 0)))).isEmpty();
        assertThat(messagesOf(store)).hasSize(12)
                .anySatisfy(m -> assertThat(m.attribute("item_id")).contains("NEW"))
                .anySatisfy(m -> assertThat(m.subject().orElseThrow()).startsWith("5 more stock alerts"));
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 11L, "DIGESTED", 5L));

        standIn.reset();
        clock.advance(Duration.ofMinutes(6));
        assertThat(service.process(batch)).isEmpty();
        flusher.flushDue();
        assertThat(messagesOf(store)).isEmpty();
    }

    @Test
    void aPermanentSnsFailureOnOneEntryIsRecordedFailedAndTheShardMovesOn() {
        String store = "refused-" + run;
        standIn.failMessages(SnsStandIn.withAttribute("item_id", "B"), SnsStandIn.ALWAYS, "InvalidParameter", true);
        List<DynamodbStreamRecord> batch = List.of(modify(run, 0, store, "A", 10, 0),
                modify(run, 1, store, "B", 10, 0), modify(run, 2, store, "C", 10, 0));

        assertThat(service.process(batch)).isEmpty();

        assertThat(standIn.publishedMessages()).filteredOn(PublishedMessage::accepted)
                .extracting(m -> m.attribute("item_id").orElseThrow()).containsExactly("A", "C");
        Map<String, AttributeValue> failed = alerts(store).stream()
                .filter(a -> a.get(AlertsTable.ITEM_ID).s().equals("B")).findFirst().orElseThrow();
        assertThat(failed.get(AlertsTable.DELIVERY).s()).isEqualTo("FAILED");
        assertThat(failed.get(AlertsTable.FAILURE_REASON).s()).contains("InvalidParameter");
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 2L, "FAILED", 1L));
    }

    @Test
    void aTransientSnsFailureIsRetriedFromItsRecord() {
        String store = "throttled-" + run;
        standIn.throttleOnce(SnsStandIn.withAttribute("item_id", "B"));
        List<DynamodbStreamRecord> batch = List.of(modify(run, 0, store, "A", 10, 0),
                modify(run, 1, store, "B", 10, 0));

        assertThat(service.process(batch)).contains(1);
        assertThat(service.process(batch.subList(1, 2))).isEmpty();

        assertThat(standIn.publishedMessages()).filteredOn(PublishedMessage::accepted)
                .extracting(m -> m.attribute("item_id").orElseThrow()).containsExactly("A", "B");
        assertThat(byDelivery(store)).isEqualTo(Map.of("SENT", 2L));
    }

    @Test
    void whenTheAlertsTableFailsTheFirstAlertingRecordIsReportedAndNothingIsPublished() {
        wire("NoSuchTable");
        List<DynamodbStreamRecord> batch = List.of(
                modify(run, 0, "s", "quiet", 40, 30), // no alert
                modify(run, 1, "s", "A", 10, 0),
                modify(run, 2, "s", "B", 10, 0));

        assertThat(service.process(batch)).contains(1);
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void aBatchWithoutAlertsTouchesNeitherTableNorTopic() {
        wire("NoSuchTable");
        assertThat(service.process(List.of(modify(run, 0, "s", "A", 9, 8)))).isEmpty();
        assertThat(standIn.calls()).isEmpty();
    }
}
