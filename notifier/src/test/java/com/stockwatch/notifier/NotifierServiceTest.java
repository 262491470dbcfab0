package com.stockwatch.notifier;

import static com.stockwatch.notifier.StreamRecords.modify;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.SnsCall;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The service without Quarkus, on DynamoDB Local and the SNS stand-in: planning (digest or single) across stores,
 * and failures of the alert records' table.
 */
class NotifierServiceTest {

    static SnsStandIn standIn;
    static DynamoDbClient dynamoDb;
    static SnsClient sns;
    static ExecutorService threads;
    static int run = 100;

    @BeforeAll
    static void start() {
        standIn = SnsStandIn.start();
        dynamoDb = Emulators.dynamoDbClient();
        DynamoDbLocalResource.recreateTables(dynamoDb);
        sns = SnsClient.builder().endpointOverride(standIn.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Emulators.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        threads = Executors.newFixedThreadPool(4);
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
    }

    static NotifierService service(String alertsTable) {
        return new NotifierService(new AlertClassifier(5, true), new AlertMessages(Optional.empty(), 5),
                new DigestMessages(Optional.empty()),
                new AlertLedger(dynamoDb, alertsTable, Duration.ofDays(90), threads),
                new SnsPublisher(sns, standIn.topicArn()), 10, Clock.systemUTC());
    }

    static List<String> failures(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void elevenAlertsOfOneStoreBecomeADigestBesideSingleAlertsOfOthers() {
        List<DynamodbStreamRecord> batch = new ArrayList<>();
        batch.add(modify(run, 0, "small", "X", 10, 0));
        for (int i = 1; i <= 11; i++) {
            batch.add(modify(run, i, "busy", "B" + i, 10, 0));
        }
        batch.add(modify(run, 12, "other", "Y", 10, 3));

        assertThat(failures(service(DynamoDbLocalResource.ALERTS).process(batch))).isEmpty();

        assertThat(standIn.calls()).singleElement().satisfies(call -> {
            assertThat(call.action()).isEqualTo("PublishBatch");
            assertThat(call.messages()).extracting(m -> m.attribute("store_id").orElseThrow())
                    .containsExactly("small", "busy", "other");
        });
        assertThat(standIn.publishedMessages().get(1).subject()).contains("11 stock alerts at store busy");
    }

    @Test
    void aThrottledDigestNamesItsFirstRecord() {
        List<DynamodbStreamRecord> batch = new ArrayList<>();
        batch.add(modify(run, 0, "small", "X", 10, 0));
        for (int i = 1; i <= 11; i++) {
            batch.add(modify(run, i, "busy", "B" + i, 10, 0));
        }
        standIn.throttleOnce(SnsStandIn.withAttribute("store_id", "busy"));

        assertThat(failures(service(DynamoDbLocalResource.ALERTS).process(batch)))
                .containsExactly(StreamRecords.sequenceNumber(run, 1));
        assertThat(standIn.publishedMessages()).extracting(m -> m.attribute("store_id").orElseThrow())
                .containsExactly("small");

        standIn.reset();
        assertThat(failures(service(DynamoDbLocalResource.ALERTS).process(batch.subList(1, batch.size())))).isEmpty();
        assertThat(standIn.publishedMessages()).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("11 stock alerts at store busy"));
    }

    @Test
    void whenTheAlertsTableFailsTheFirstAlertingRecordIsReportedAndNothingIsPublished() {
        List<DynamodbStreamRecord> batch = List.of(
                modify(run, 0, "s", "quiet", 40, 30), // no alert
                modify(run, 1, "s", "A", 10, 0),
                modify(run, 2, "s", "B", 10, 0));

        StreamsEventResponse response = service("NoSuchTable").process(batch);

        assertThat(failures(response)).containsExactly(StreamRecords.sequenceNumber(run, 1));
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void aBatchWithoutAlertsTouchesNeitherTableNorTopic() {
        StreamsEventResponse response = service("NoSuchTable").process(List.of(modify(run, 0, "s", "A", 9, 8)));

        assertThat(failures(response)).isEmpty();
        assertThat(standIn.calls()).extracting(SnsCall::action).isEmpty();
    }
}
