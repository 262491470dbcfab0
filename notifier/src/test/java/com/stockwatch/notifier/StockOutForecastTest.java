package com.stockwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stockwatch.forecast.StockHistory;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsStandIn;
import com.stockwatch.testing.sns.SnsStandInResource;
import com.stockwatch.testing.sns.SnsStandInResource.InjectSnsStandIn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * PREDICTED_OUT_OF_STOCK end to end through the handler: daily files written to DynamoDB Local, its own stream
 * records posted to the function, the messages read from the SNS stand-in. The horizon is the default, 3 days.
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(SnsStandInResource.class)
class StockOutForecastTest {

    static final Instant DAY0 = Instant.parse("2026-11-02T07:00:00Z");
    static final String PREDICTED = "PREDICTED_OUT_OF_STOCK";

    @InjectSnsStandIn
    SnsStandIn sns;

    static DynamoDbClient dynamoDb;
    static InventoryStream stream;

    @BeforeAll
    static void clients() {
        dynamoDb = Emulators.dynamoDbClient();
        stream = new InventoryStream(dynamoDb, Emulators.dynamoDbStreamsClient(), DynamoDbLocalResource.INVENTORY);
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @BeforeEach
    void startFresh() {
        stream.readNew();
        sns.reset();
    }

    @Test
    void steadySalesWarnOnceWhenTheStockOutComesWithinTheHorizon() {
        String store = "steady";
        // 10 a day from 100: on day 7 30 are left, 3 days of cover: the warning; day 8 (2 days) warns no more.
        for (int day = 0; day <= 6; day++) {
            assertThat(deliver(dailyFile(store, day, 100 - 10L * day))).isEmpty();
        }
        assertThat(predicted(store)).as("6 days of cover and more").isEmpty();

        List<Record> day7 = dailyFile(store, 7, 30);
        assertThat(deliver(day7)).isEmpty();
        assertThat(predicted(store)).singleElement().satisfies(m -> {
            assertThat(m.subject().orElseThrow()).isEqualTo("Running out soon: Blue mug (A) at store steady");
            assertThat(m.text("sms")).isEqualTo(
                    "Stockwatch: RUNNING OUT SOON at store steady: Blue mug (A) 30 left, out about Thu 2026-11-12");
            assertThat(m.text("email")).contains("Out:   about 2026-11-12 07:00:00 UTC (3.0 days of cover at 10.0 a day");
            assertThat(m.attribute("item_id")).contains("A");
        });

        assertThat(deliver(dailyFile(store, 8, 20))).isEmpty();
        assertThat(predicted(store)).as("once per episode").hasSize(1);

        Map<String, AttributeValue> state = state(store, "A");
        assertThat(StockHistory.decode(state.get(ItemStatesTable.HISTORY).b().asByteArray()).points()).hasSize(9);
        assertThat(state.get(ItemStatesTable.EXPECTED_OUT_AT).s()).isEqualTo("2026-11-12T07:00:00.000Z");
        assertThat(state.get(ItemStatesTable.DAYS_OF_COVER).n()).isEqualTo("2.000");
        assertThat(atRisk(store)).containsExactly("A");
    }

    @Test
    void aRedeliveredBatchDoesNotWarnTwice() {
        String store = "redelivered";
        for (int day = 0; day <= 6; day++) {
            deliver(dailyFile(store, day, 100 - 10L * day));
        }
        List<Record> warning = dailyFile(store, 7, 30);
        assertThat(deliver(warning)).isEmpty();
        assertThat(deliver(warning)).isEmpty();
        assertThat(deliver(warning)).isEmpty();

        assertThat(predicted(store)).hasSize(1);
        assertThat(alertRecords(store)).filteredOn(a -> a.get(AlertsTable.ALERT_TYPE).s().equals(PREDICTED))
                .singleElement().satisfies(a -> {
                    assertThat(a.get(AlertsTable.ALERT_ID).s()).isEqualTo("2026-11-02T07:00:00.000Z#A#" + PREDICTED);
                    assertThat(a.get(AlertsTable.DELIVERY).s()).isEqualTo("SENT");
                    assertThat(a.get(AlertsTable.EXPECTED_OUT_AT).s()).isEqualTo("2026-11-12T07:00:00.000Z");
                });
    }

    @Test
    void aRestockedItemIsNotWarnedUntilItsNewEpisodeRunsLowAgain() {
        String store = "restocked";
        for (int day = 0; day <= 4; day++) {
            deliver(dailyFile(store, day, 100 - 10L * day)); // 60 left, 6 days: no warning
        }
        deliver(dailyFile(store, 5, 300)); // restocked: a new episode, too short for a forecast yet
        deliver(dailyFile(store, 6, 250));
        deliver(dailyFile(store, 7, 200));
        assertThat(predicted(store)).isEmpty();
        assertThat(state(store, "A")).doesNotContainKey(ItemStatesTable.EXPECTED_OUT_AT);
        assertThat(atRisk(store)).isEmpty();

        // The new episode sells fast: 50 a day, 150 left on day 8 is 3 days of cover: its own warning.
        deliver(dailyFile(store, 8, 150));
        assertThat(predicted(store)).singleElement()
                .satisfies(m -> assertThat(m.text("sms")).contains("150 left"));
    }

    @Test
    void aFlatItemAndAnItemThatRanOutAreNotWarned() {
        String store = "flat";
        long[] noisy = { 50, 51, 50, 49, 50, 51, 50, 50, 49, 50 };
        for (int day = 0; day < noisy.length; day++) {
            deliver(dailyFile(store, day, noisy[day]));
        }
        assertThat(predicted(store)).isEmpty();
        assertThat(state(store, "A")).doesNotContainKey(ItemStatesTable.EXPECTED_OUT_AT);

        String empty = "ran-out";
        for (int day = 0; day <= 5; day++) {
            deliver(dailyFile(empty, day, 50 - 10L * day)); // 20 left on day 3 warns, 0 on day 5 is out of stock
        }
        List<PublishedMessage> messages = sns.publishedMessages().stream()
                .filter(m -> m.attribute("store_id").orElse("").equals(empty)).toList();
        assertThat(messages).extracting(m -> m.attribute("alert_type").orElseThrow())
                .containsExactly(PREDICTED, "OUT_OF_STOCK");
        assertThat(state(empty, "A")).doesNotContainKey(ItemStatesTable.AT_RISK_OUT_AT);
    }

    @Test
    void aStateWithAFullHistoryAndAForecastStaysUnderOneWriteUnit() {
        String store = "size-of-a-state";
        for (int day = 0; day < 45; day++) { // more points than kept; 30 left at the end: indexed and warned
            deliver(dailyFile(store, day, 470 - 10L * day));
        }
        // The bounded history dropped the first points, but the episode (and its one warning) stayed the same.
        assertThat(predicted(store)).singleElement();
        assertThat(state(store, "A").get(ItemStatesTable.EPISODE_START).s()).isEqualTo("2026-11-02T07:00:00.000Z");
        Map<String, AttributeValue> state = state(store, "A");
        assertThat(StockHistory.decode(state.get(ItemStatesTable.HISTORY).b().asByteArray()).points())
                .hasSize(StockHistory.MAX_POINTS);
        assertThat(state).containsKeys(ItemStatesTable.EXPECTED_OUT_AT, ItemStatesTable.AT_RISK_OUT_AT,
                ItemStatesTable.WARNED_EPISODE, ItemStatesTable.WARNED_VERSION);
        int size = itemSize(state);
        // Store and item ids take the rest: here 15 + 1 bytes.
        int fixed = size - store.length() - 1;
        System.out.printf("ITEM-STATE-SIZE bytes=%d fixed=%d (without the ids) room_for_ids_in_1KB=%d attributes=%s%n",
                size, fixed, 1024 - fixed, state.keySet());
        assertThat(fixed + 16 + 64).as("state of a 64-byte item id in a 16-byte store").isLessThanOrEqualTo(1024);
    }

    /** DynamoDB's item size: attribute names plus values (strings and binaries by length, numbers ~1 byte per 2 digits). */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                size += (value.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
            } else if (value.b() != null) {
                size += value.b().asByteArray().length;
            }
        }
        return size;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Writes the day's count of item A, as the loader would, and returns the stream records it made. */
    static List<Record> dailyFile(String store, int day, long level) {
        Instant time = DAY0.plus(Duration.ofDays(day));
        InventoryItem item = new InventoryItem(store, "A", "Blue mug", level, time, OptionalInt.empty(),
                "s3://inventory/" + store + "/day-" + day + ".csv");
        dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(DynamoDbLocalResource.INVENTORY, List.of(WriteRequest
                .builder().putRequest(p -> p.item(InventoryItemAttributes.toAttributes(item, 5))).build()))));
        return stream.readNew();
    }

    List<String> deliver(List<Record> records) {
        return given().contentType("application/json").body(stream.lambdaEvent(records))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath()
                .getList("batchItemFailures.itemIdentifier", String.class);
    }

    List<PublishedMessage> predicted(String store) {
        return sns.publishedMessages().stream()
                .filter(m -> m.attribute("store_id").orElse("").equals(store))
                .filter(m -> m.attribute("alert_type").orElse("").equals(PREDICTED)).toList();
    }

    static Map<String, AttributeValue> state(String store, String item) {
        return dynamoDb.getItem(b -> b.tableName(DynamoDbLocalResource.ITEM_STATES).consistentRead(true)
                .key(Map.of(ItemStatesTable.STORE_ID, AttributeValue.fromS(store),
                        ItemStatesTable.ITEM_ID, AttributeValue.fromS(item)))).item();
    }

    static List<String> atRisk(String store) {
        return dynamoDb.query(b -> b.tableName(DynamoDbLocalResource.ITEM_STATES)
                .indexName(ItemStatesTable.AT_RISK_INDEX)
                .keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store)))).items().stream()
                .map(i -> i.get(ItemStatesTable.ITEM_ID).s()).toList();
    }

    static List<Map<String, AttributeValue>> alertRecords(String store) {
        List<Map<String, AttributeValue>> records = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(DynamoDbLocalResource.ALERTS)
                .keyConditionExpression("store_id = :s AND alert_id < :records")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store),
                        ":records", AttributeValue.fromS("~")))).items().forEach(records::add);
        return records;
    }
}
