package com.stockwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsCall;
import com.stockwatch.testing.sns.SnsStandIn;
import com.stockwatch.testing.sns.SnsStandInResource;
import com.stockwatch.testing.sns.SnsStandInResource.InjectSnsStandIn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * End to end: items written with the real SDK to DynamoDB Local, its own stream records handed to the handler as
 * Lambda delivers them (posted to Quarkus's mock event server), notifications asserted on the exact requests the
 * SDK sent to the SNS stand-in, alert records asserted in {@code InventoryAlerts}.
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(SnsStandInResource.class)
class StockAlertHandlerTest {

    static final String TOPIC = SnsStandIn.DEFAULT_TOPIC_ARN;
    static final Instant FILE_TIME = Instant.parse("2026-11-25T07:30:00Z");
    static final Instant LATER = Instant.parse("2026-11-25T08:30:00Z");

    @InjectSnsStandIn
    SnsStandIn sns;

    static DynamoDbClient dynamoDb;
    static InventoryStream stream;
    static InventoryStream importsStream;

    @BeforeAll
    static void clients() {
        dynamoDb = Emulators.dynamoDbClient();
        stream = new InventoryStream(dynamoDb, Emulators.dynamoDbStreamsClient(), DynamoDbLocalResource.INVENTORY);
        importsStream = new InventoryStream(dynamoDb, Emulators.dynamoDbStreamsClient(), DynamoDbLocalResource.IMPORTS);
        StoresTableForTests.recreate(dynamoDb);
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @BeforeEach
    void startFresh() {
        stream.readNew(); // records of earlier tests are theirs
        sns.reset();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void outOfStockLowAndBackInStockGoOutAsOnePublishBatch() {
        put(item("S1", "A", "Blue mug", 10, FILE_TIME), item("S1", "B", "Red mug", 10, FILE_TIME),
                item("S1", "C", "Green mug", 2, FILE_TIME), item("S1", "D", "Tea pot", 9, FILE_TIME),
                item("S1", "E", "Spoon", 7, FILE_TIME));
        assertThat(handle(stream.readNew())).isEmpty(); // new items, none at 0: no alert
        assertThat(sns.calls()).isEmpty();

        put(item("S1", "A", "Blue mug", 0, LATER), // 10 -> 0
                item("S1", "B", "Red mug", 3, LATER), // 10 -> 3 (default threshold 5)
                item("S1", "D", "Tea pot", 8, LATER), // 9 -> 8: no alert
                item("S1", "E", "Spoon, silver", 7, LATER)); // name only: no alert
        put(item("S1", "C", "Green mug", 0, LATER)); // 2 -> 0
        List<Record> records = stream.readNew();
        assertThat(records).hasSize(5);

        assertThat(handle(records)).isEmpty();

        SnsCall call = sns.calls().get(0);
        assertThat(sns.calls()).hasSize(1);
        assertThat(call.action()).isEqualTo("PublishBatch");
        assertThat(call.parameters()).containsEntry("TopicArn", TOPIC);
        List<PublishedMessage> messages = sns.publishedMessages();
        assertThat(messages).extracting(m -> m.attribute("item_id").orElseThrow()).containsExactly("A", "B", "C");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.topicArn()).isEqualTo(TOPIC);
            assertThat(m.messageStructure()).contains("json");
            assertThat(m.texts()).containsOnlyKeys("default", "email", "sms");
            assertThat(m.attribute("store_id")).contains("S1");
            assertThat(m.attributes().values()).allSatisfy(a -> assertThat(a.dataType()).isEqualTo("String"));
        });
        PublishedMessage out = messages.get(0);
        assertThat(out.attribute("alert_type")).contains("OUT_OF_STOCK");
        assertThat(out.subject()).contains("Out of stock: Blue mug (A) at store S1");
        assertThat(out.text("sms")).isEqualTo("Stockwatch: OUT OF STOCK at store S1: Blue mug (A) 10 -> 0");
        assertThat(out.text("email")).isEqualTo("""
                Out of stock at store S1

                Item:  Blue mug (A)
                Store: S1
                Level: 10 -> 0
                Time:  2026-11-25 08:30:00 UTC
                Page:  https://stock.example.com/stores/S1/items/A

                The item is out of stock.
                """);
        assertThat(out.text("default")).isEqualTo(out.text("email"));
        assertThat(messages.get(1).attribute("alert_type")).contains("LOW_STOCK");
        assertThat(messages.get(1).text("sms")).isEqualTo("Stockwatch: LOW STOCK at store S1: Red mug (B) 10 -> 3");
        assertThat(messages.get(2).attribute("alert_type")).contains("OUT_OF_STOCK");

        List<Map<String, AttributeValue>> alerts = alerts("S1");
        assertThat(alerts).extracting(a -> a.get(AlertsTable.ALERT_ID).s()).containsExactly(
                "2026-11-25T08:30:00.000Z#A#OUT_OF_STOCK", "2026-11-25T08:30:00.000Z#B#LOW_STOCK",
                "2026-11-25T08:30:00.000Z#C#OUT_OF_STOCK");
        Map<String, AttributeValue> a = alerts.get(0);
        assertThat(a.get(AlertsTable.DELIVERY).s()).isEqualTo("SENT");
        assertThat(a.get(AlertsTable.ITEM_NAME).s()).isEqualTo("Blue mug");
        assertThat(a.get(AlertsTable.OLD_LEVEL).n()).isEqualTo("10");
        assertThat(a.get(AlertsTable.NEW_LEVEL).n()).isEqualTo("0");
        assertThat(a.get(AlertsTable.OCCURRED_AT).s()).isEqualTo("2026-11-25T08:30:00.000Z");
        assertThat(a.get(AlertsTable.EVENT_ID).s()).isEqualTo(records.get(0).eventID());
        assertThat(a.get("message_id").s()).isEqualTo(out.messageId().orElseThrow());
        assertThat(Long.parseLong(a.get(AlertsTable.EXPIRES_AT).n()))
                .isCloseTo(Instant.now().plusSeconds(90L * 24 * 3600).getEpochSecond(), within(300L));
    }

    @Test
    void backInStockAndNewItemAtZero() {
        put(item("S2", "A", "Blue mug", 0, FILE_TIME));
        put(item("S2", "A", "Blue mug", 40, LATER));
        assertThat(handle(stream.readNew())).isEmpty();

        // One item never twice in one PublishBatch call: its two alerts go in two calls, in order.
        assertThat(sns.calls()).extracting(SnsCall::action).containsExactly("Publish", "Publish");
        assertThat(sns.publishedMessages()).extracting(m -> m.text("sms")).containsExactly(
                "Stockwatch: OUT OF STOCK at store S2: Blue mug (A) new item, 0",
                "Stockwatch: BACK IN STOCK at store S2: Blue mug (A) 0 -> 40");
    }

    @Test
    void aSingleAlertGoesOutAsPublish() {
        put(item("S3", "A", "Blue mug", 8, FILE_TIME));
        stream.readNew();
        put(item("S3", "A", "Blue mug", 0, LATER));

        assertThat(handle(stream.readNew())).isEmpty();

        assertThat(sns.calls()).singleElement().satisfies(call -> {
            assertThat(call.action()).isEqualTo("Publish");
            assertThat(call.parameters()).containsEntry("TopicArn", TOPIC).containsEntry("MessageStructure", "json")
                    .containsEntry("Subject", "Out of stock: Blue mug (A) at store S3")
                    .containsEntry("MessageAttributes.entry.1.Name", "store_id")
                    .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
                    .containsEntry("MessageAttributes.entry.1.Value.StringValue", "S3")
                    .containsEntry("MessageAttributes.entry.2.Name", "item_id")
                    .containsEntry("MessageAttributes.entry.2.Value.StringValue", "A")
                    .containsEntry("MessageAttributes.entry.3.Name", "alert_type")
                    .containsEntry("MessageAttributes.entry.3.Value.StringValue", "OUT_OF_STOCK");
        });
    }

    @Test
    void theSameBatchDeliveredTwiceNotifiesOnce() {
        put(item("S4", "A", "Blue mug", 8, FILE_TIME), item("S4", "B", "Red mug", 8, FILE_TIME));
        stream.readNew();
        put(item("S4", "A", "Blue mug", 0, LATER), item("S4", "B", "Red mug", 1, LATER));
        List<Record> batch = stream.readNew();

        assertThat(handle(batch)).isEmpty();
        assertThat(handle(batch)).isEmpty();

        assertThat(sns.calls()).hasSize(1);
        assertThat(sns.publishedMessages()).hasSize(2);
        assertThat(alerts("S4")).extracting(a -> a.get(AlertsTable.DELIVERY).s()).containsExactly("SENT", "SENT");
    }

    @Test
    void aMalformedRecordIsSkippedAndTheRestDelivered() {
        put(item("S5", "A", "Blue mug", 8, FILE_TIME), item("S5", "C", "Green mug", 8, FILE_TIME));
        Map<String, AttributeValue> broken = InventoryItemAttributes.toAttributes(item("S5", "B", "Odd", 8, FILE_TIME),
                5);
        // No level, as a broken writer might leave it (a non-number is refused by the table: by_level types it N)
        broken.remove("inventory_level");
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).item(broken));
        stream.readNew();
        put(item("S5", "A", "Blue mug", 0, LATER));
        Map<String, AttributeValue> stillBroken = new java.util.HashMap<>(broken);
        stillBroken.put("item_name", AttributeValue.fromS("Odd, renamed"));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).item(stillBroken));
        put(item("S5", "C", "Green mug", 0, LATER));
        List<Record> batch = stream.readNew();
        assertThat(batch).hasSize(3);

        assertThat(handle(batch)).isEmpty();

        assertThat(sns.publishedMessages()).extracting(m -> m.attribute("item_id").orElseThrow())
                .containsExactly("A", "C");
    }

    @Test
    void snsThrottlingOneEntryNamesThatRecordAndTheRetryNotifiesEachItemOnce() {
        put(item("S6", "A", "Blue mug", 8, FILE_TIME), item("S6", "B", "Red mug", 8, FILE_TIME),
                item("S6", "C", "Green mug", 8, FILE_TIME));
        stream.readNew();
        put(item("S6", "A", "Blue mug", 0, LATER), item("S6", "B", "Red mug", 0, LATER),
                item("S6", "C", "Green mug", 0, LATER));
        List<Record> batch = stream.readNew();
        sns.throttleOnce(SnsStandIn.withAttribute("item_id", "B"));

        List<String> failures = handle(batch);

        assertThat(failures).containsExactly(batch.get(1).dynamodb().sequenceNumber());
        assertThat(sns.publishedMessages()).extracting(m -> m.attribute("item_id").orElseThrow())
                .containsExactly("A", "C");
        assertThat(alerts("S6")).extracting(a -> a.get(AlertsTable.ITEM_ID).s() + ":" + a.get(AlertsTable.DELIVERY).s())
                .containsExactly("A:SENT", "B:PENDING", "C:SENT");

        // Lambda retries from the reported record on: B and C again.
        assertThat(handle(batch.subList(1, 3))).isEmpty();

        assertThat(sns.publishedMessages()).extracting(m -> m.attribute("item_id").orElseThrow())
                .containsExactly("A", "C", "B");
        assertThat(alerts("S6")).extracting(a -> a.get(AlertsTable.DELIVERY).s()).containsOnly("SENT");
    }

    @Test
    void snsAnswering500NamesTheFirstAlertingRecordAndNothingIsLost() {
        put(item("S7", "A", "Blue mug", 8, FILE_TIME), item("S7", "B", "Red mug", 8, FILE_TIME));
        stream.readNew();
        put(item("S7", "A", "Blue mug", 7, LATER)); // no alert
        put(item("S7", "B", "Red mug", 0, LATER));
        put(item("S7", "A", "Blue mug", 0, LATER.plusSeconds(60)));
        List<Record> batch = stream.readNew();
        sns.failCalls(SnsStandIn.ALWAYS, 500, "InternalError");

        assertThat(handle(batch)).containsExactly(batch.get(1).dynamodb().sequenceNumber());
        assertThat(sns.publishedMessages()).isEmpty();
        assertThat(sns.calls()).allSatisfy(call -> assertThat(call.httpStatus()).isEqualTo(500));

        sns.reset();
        assertThat(handle(batch.subList(1, 3))).isEmpty();
        assertThat(sns.publishedMessages()).extracting(m -> m.attribute("item_id").orElseThrow())
                .containsExactly("B", "A");
    }

    @Test
    void aThousandItemUploadOutOfStockForOneStoreSendsTheFirstTenAndHoldsTheRestForTheDigest() {
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item("S8", String.format("SKU-%04d", i), "Item number " + i, 20, FILE_TIME));
        }
        put(items.toArray(InventoryItem[]::new));
        stream.readNew();
        put(items.stream().map(it -> item("S8", it.itemId(), it.itemName(), 0, LATER)).toArray(InventoryItem[]::new));
        List<Record> batch = stream.readNew();
        assertThat(batch).hasSize(1000);

        assertThat(handle(batch)).isEmpty();

        assertThat(sns.calls()).extracting(SnsCall::action).containsExactly("PublishBatch");
        assertThat(sns.publishedMessages()).hasSize(10)
                .allSatisfy(m -> assertThat(m.attribute("alert_type")).contains("OUT_OF_STOCK"));
        List<Map<String, AttributeValue>> alerts = alerts("S8");
        assertThat(alerts).hasSize(1000);
        assertThat(alerts.stream().filter(a -> a.get(AlertsTable.DELIVERY).s().equals("SENT"))).hasSize(10);
        assertThat(alerts.stream().filter(a -> a.get(AlertsTable.DELIVERY).s().equals("HELD"))).hasSize(990)
                .allSatisfy(a -> assertThat(a.get(AlertsTable.HELD_IN).s()).isEqualTo("S8"));
    }

    @Test
    void tenAlertsForOneStoreAreStillSentOneByOne() {
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(item("S9", "I" + i, "Item " + i, 20, FILE_TIME));
        }
        put(items.toArray(InventoryItem[]::new));
        stream.readNew();
        put(items.stream().map(it -> item("S9", it.itemId(), it.itemName(), 0, LATER)).toArray(InventoryItem[]::new));

        assertThat(handle(stream.readNew())).isEmpty();

        assertThat(sns.calls()).extracting(SnsCall::action).containsExactly("PublishBatch");
        assertThat(sns.publishedMessages()).hasSize(10);
    }

    @Test
    void eventAsAwsSendsItIsRead() throws Exception {
        String event = new String(getClass().getResourceAsStream("/events/dynamodb-modify-out-of-stock.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        JsonPath response = given().contentType("application/json").body(event).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(sns.publishedMessages()).singleElement().satisfies(m -> {
            assertThat(m.text("sms")).isEqualTo("Stockwatch: OUT OF STOCK at store 0042: Blue mug 0.3 l (SKU-1) 2 -> 0");
            assertThat(m.text("email")).contains("Time:  2026-11-24 21:05:00 UTC");
        });
        assertThat(alerts("0042")).singleElement()
                .satisfies(a -> assertThat(a.get(AlertsTable.EVENT_ID).s()).isEqualTo("7de3041dd709b024af6f29e4fa13d34c"));
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aFinishedImportOnTheImportsStreamReachesTheStoreOnceAndARunningOneNobody() {
        importsStream.readNew();
        Map<String, AttributeValue> running = new java.util.HashMap<>(Map.of(
                "store_id", AttributeValue.fromS("S20"),
                "import_id", AttributeValue.fromS("2026-11-25T08:00:00.000Z#S20/stock.csv"),
                "status", AttributeValue.fromS("RUNNING"),
                "object_key", AttributeValue.fromS("S20/stock.csv"),
                "file_time", AttributeValue.fromS("2026-11-25T07:59:00.000Z"),
                "rows_read", AttributeValue.fromN("5000")));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.IMPORTS).item(running));
        Map<String, AttributeValue> rejected = new java.util.HashMap<>(running);
        rejected.put("status", AttributeValue.fromS("REJECTED"));
        rejected.put("reason", AttributeValue.fromS("Line 1: the file is not UTF-8."));
        dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.IMPORTS).item(rejected));
        List<Record> records = importsStream.readNew();
        assertThat(records).hasSize(2);

        assertThat(handle(importsStream, records)).isEmpty();
        assertThat(handle(importsStream, records)).isEmpty();

        assertThat(sns.publishedMessages()).singleElement().satisfies(m -> {
            assertThat(m.attribute("alert_type")).contains("IMPORT_REJECTED");
            assertThat(m.attribute("store_id")).contains("S20");
            assertThat(m.text("sms")).isEqualTo(
                    "Stockwatch: IMPORT REJECTED at store S20: stock.csv: Line 1: the file is not UTF-8.");
        });
        assertThat(dynamoDb.getItem(b -> b.tableName(StoresTableForTests.NAME)
                .key(Map.of("store_id", AttributeValue.fromS("S20")))).item())
                .containsEntry("last_import_status", AttributeValue.fromS("REJECTED"))
                .containsEntry("last_import_file", AttributeValue.fromS("S20/stock.csv"));
    }

    /** Posts the records as one Lambda event and returns the reported batch item failures. */
    List<String> handle(List<Record> records) {
        return handle(stream, records);
    }

    List<String> handle(InventoryStream from, List<Record> records) {
        JsonPath response = given().contentType("application/json").body(from.lambdaEvent(records))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath();
        return response.getList("batchItemFailures.itemIdentifier", String.class);
    }

    static InventoryItem item(String store, String item, String name, long level, Instant time) {
        return new InventoryItem(store, item, name, level, time, OptionalInt.empty(), "s3://inventory/" + store + "/x.csv");
    }

    static void put(InventoryItem... items) {
        List<WriteRequest> writes = new ArrayList<>();
        for (InventoryItem item : items) {
            writes.add(WriteRequest.builder()
                    .putRequest(p -> p.item(InventoryItemAttributes.toAttributes(item, 5))).build());
        }
        for (int i = 0; i < writes.size(); i += 25) {
            List<WriteRequest> chunk = writes.subList(i, Math.min(writes.size(), i + 25));
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(DynamoDbLocalResource.INVENTORY, chunk)));
        }
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
}
