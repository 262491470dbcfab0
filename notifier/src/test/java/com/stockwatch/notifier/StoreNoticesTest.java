package com.stockwatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.imports.ImportOutcomes;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.NoticeMessages;
import com.stockwatch.notifier.publish.OncePublisher;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.notifier.silence.SilentStores;
import com.stockwatch.notifier.silence.StoreRegistry;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Import outcomes and silent stores, on DynamoDB Local (alerts and the store registry) and the SNS stand-in, with a
 * clock the test sets.
 */
class StoreNoticesTest {

    static SnsStandIn standIn;
    static DynamoDbClient dynamoDb;
    static SnsClient sns;
    static ExecutorService threads;
    static int run;

    NotifierServiceTest.TestClock clock;
    ImportOutcomes imports;
    SilentStores silentStores;
    String store;

    @BeforeAll
    static void start() {
        standIn = SnsStandIn.start();
        dynamoDb = Emulators.dynamoDbClient();
        DynamoDbLocalResource.recreateTables(dynamoDb);
        StoresTableForTests.recreate(dynamoDb);
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
    void wire() {
        standIn.reset();
        run++;
        store = "store-" + run;
        clock = new NotifierServiceTest.TestClock();
        clock.now = Instant.parse("2026-11-25T12:00:00Z").plus(Duration.ofDays(run * 10L));
        AlertLedger ledger = new AlertLedger(dynamoDb, DynamoDbLocalResource.ALERTS, Duration.ofDays(90), threads);
        OncePublisher once = new OncePublisher(ledger, new SnsPublisher(sns, standIn.topicArn()), clock);
        StoreRegistry registry = new StoreRegistry(dynamoDb, StoresTableForTests.NAME);
        NoticeMessages messages = new NoticeMessages(Optional.of("https://stock.example.com"));
        imports = new ImportOutcomes(registry, once, messages, 0.01);
        silentStores = new SilentStores(registry, once, messages, Duration.ofHours(26), Duration.ofHours(1), clock);
    }

    /** An import record's new image as the imports stream carries it. */
    static DynamodbStreamRecord importRecord(String store, String status, Instant fileTime, long read, long rejected,
            String reason) {
        String key = store + "/stock-" + fileTime.getEpochSecond() + ".csv";
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("store_id", s(store));
        image.put("import_id", s(Timestamps.format(fileTime) + "#" + key));
        image.put("status", s(status));
        image.put("object_key", s(key));
        image.put("file_time", s(Timestamps.format(fileTime)));
        image.put("rows_read", n(read));
        image.put("rows_written", n(read - rejected));
        image.put("rows_rejected", n(rejected));
        if (reason != null) {
            image.put("reason", s(reason));
        }
        if (rejected > 0) {
            image.put("errors", new AttributeValue().withL(List.of(new AttributeValue().withM(Map.of(
                    "row", n(5), "field", s("inventory_level"), "reason", s("must be a whole number"))))));
        }
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(UUID.randomUUID().toString());
        record.setEventName("MODIFY");
        record.setDynamodb(new StreamRecord().withKeys(Map.of("store_id", s(store)))
                .withNewImage(image).withSequenceNumber("1"));
        return record;
    }

    static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    static AttributeValue n(long value) {
        return new AttributeValue().withN(Long.toString(value));
    }

    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> registryItem() {
        return dynamoDb.getItem(b -> b.tableName(StoresTableForTests.NAME).consistentRead(true)
                .key(Map.of(StoresTable.STORE_ID,
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(store)))).item();
    }

    @Test
    void aRejectedFileTellsTheStoreOnceAndRunningOrUnknownStatusesAreIgnored() {
        Instant t = clock.instant();
        DynamodbStreamRecord rejected = importRecord(store, "REJECTED", t, 0, 0,
                "The file has no inventory_level column.");

        assertThat(imports.process(List.of(importRecord(store, "RUNNING", t, 1000, 0, null),
                importRecord(store, "SOMETHING_NEW", t, 1000, 0, null), rejected, rejected))).isEmpty();

        assertThat(standIn.publishedMessages()).singleElement().satisfies(m -> {
            assertThat(m.attribute("alert_type")).contains("IMPORT_REJECTED");
            assertThat(m.attribute("store_id")).contains(store);
            assertThat(m.subject()).contains("Import rejected: stock-" + t.getEpochSecond() + ".csv at store " + store);
            assertThat(m.text("email")).contains("Reason: The file has no inventory_level column.")
                    .contains("Page:   https://stock.example.com/stores/" + store + "/imports");
        });
        assertThat(registryItem()).containsEntry(StoresTable.LAST_IMPORT_STATUS,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("REJECTED"))
                .containsEntry(StoresTable.REGISTRY,
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("stores"));
    }

    @Test
    void aPartialImportIsReportedOnlyAboveTheShareAndAFailedOneAlways() {
        Instant t = clock.instant();
        assertThat(imports.process(List.of(
                importRecord(store, "PARTIAL", t, 300_000, 600, null), // 0.2 %: below 1 %
                importRecord(store, "PARTIAL", t.plusSeconds(60), 300_000, 6_000, null), // 2 %
                importRecord(store, "FAILED", t.plusSeconds(120), 300_000, 0, "DynamoDB kept failing"),
                importRecord(store, "LOADED", t.plusSeconds(180), 300_000, 0, null)))).isEmpty();

        assertThat(standIn.publishedMessages()).extracting(m -> m.attribute("alert_type").orElseThrow())
                .containsExactly("IMPORT_PARTIAL", "IMPORT_FAILED");
        assertThat(standIn.publishedMessages().get(0).text("email")).contains("300,000 read, 294,000 stored, 6,000 rejected")
                .contains("Row 5, inventory_level: must be a whole number");
        assertThat(registryItem().get(StoresTable.LAST_IMPORT_STATUS).s()).isEqualTo("LOADED");

        // An older import arriving late does not replace the newest.
        assertThat(imports.process(List.of(importRecord(store, "LOADED", t.minusSeconds(600), 10, 0, null))))
                .isEmpty();
        assertThat(registryItem().get(StoresTable.LAST_IMPORT_AT).s())
                .isEqualTo(Timestamps.format(t.plusSeconds(180)));
    }

    @Test
    void aSilentStoreRaisesOneStaleAlertAndOneWhenFilesResume() {
        Instant last = clock.instant().minus(Duration.ofHours(30));
        assertThat(imports.process(List.of(importRecord(store, "LOADED", last, 100, 0, null)))).isEmpty();
        String patient = store + "-weekly"; // its own interval: 48 h
        assertThat(imports.process(List.of(importRecord(patient, "LOADED", last, 100, 0, null)))).isEmpty();
        dynamoDb.updateItem(b -> b.tableName(StoresTableForTests.NAME)
                .key(Map.of(StoresTable.STORE_ID, software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS(patient)))
                .updateExpression("SET expected_interval_hours = :h")
                .expressionAttributeValues(Map.of(":h",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("48"))));

        // (stores of other tests in the registry are silent by this test's clock too)
        assertThat(silentStores.check()).contains(store).doesNotContain(patient);
        assertThat(silentStores.check()).doesNotContain(store);
        List<PublishedMessage> stale = standIn.publishedMessages().stream()
                .filter(m -> m.attribute("store_id").orElse("").startsWith(store)).toList();
        assertThat(stale).singleElement().satisfies(m -> {
            assertThat(m.attribute("alert_type")).contains("STALE_INVENTORY");
            assertThat(m.subject()).contains("No inventory file from store " + store + " for 30 hours");
        });
        assertThat(registryItem()).containsKey(StoresTable.STALE_SINCE);

        standIn.reset();
        DynamodbStreamRecord resumed = importRecord(store, "LOADED", clock.instant(), 100, 0, null);
        assertThat(imports.process(List.of(resumed, resumed))).isEmpty();
        assertThat(standIn.publishedMessages()).singleElement().satisfies(m -> {
            assertThat(m.attribute("alert_type")).contains("STALE_INVENTORY_RESOLVED");
            assertThat(m.subject()).contains("Inventory files resume at store " + store + " after 30 hours");
        });
        assertThat(registryItem()).doesNotContainKey(StoresTable.STALE_SINCE);
    }

    @Test
    void aTransientSnsFailureRetriesTheImportRecordAndItsAlertGoesOutOnce() {
        standIn.failCalls(10, 500, "InternalError");
        DynamodbStreamRecord failed = importRecord(store, "FAILED", clock.instant(), 10, 0, "DynamoDB kept failing");

        assertThat(imports.process(List.of(importRecord(store, "LOADED", clock.instant().minusSeconds(5), 1, 0, null),
                failed))).contains(1);
        assertThat(registryItem().get(StoresTable.LAST_IMPORT_STATUS).s()).isEqualTo("LOADED");

        standIn.reset();
        assertThat(imports.process(List.of(failed))).isEmpty();
        assertThat(imports.process(List.of(failed))).isEmpty();
        assertThat(standIn.publishedMessages()).filteredOn(PublishedMessage::accepted).singleElement()
                .satisfies(m -> assertThat(m.attribute("alert_type")).contains("IMPORT_FAILED"));
        assertThat(registryItem().get(StoresTable.LAST_IMPORT_STATUS).s()).isEqualTo("FAILED");
    }
}
