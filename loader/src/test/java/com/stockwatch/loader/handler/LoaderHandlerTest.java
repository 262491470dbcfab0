package com.stockwatch.loader.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End to end: files in S3Mock, S3 events as AWS sends them posted to Quarkus's Lambda mock event server, items and
 * import records read back from DynamoDB Local (and its stream, to prove what was not rewritten). Each scenario uses
 * its own store, so the tests share the tables without seeing each other's rows.
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(S3Resource.class)
class LoaderHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ITEM_FIELDS = Set.of(InventoryTable.STORE_ID, InventoryTable.ITEM_ID,
            InventoryTable.ITEM_NAME, InventoryTable.INVENTORY_LEVEL, InventoryTable.LOW_STOCK_THRESHOLD,
            InventoryTable.STOCK_STATUS);

    static DynamoDbClient dynamo;
    static DynamoDbStreamsClient streams;

    @BeforeAll
    static void uploadFiles() {
        dynamo = Emulators.dynamoDbClient();
        streams = Emulators.dynamoDbStreamsClient();
        try (S3Client s3 = Emulators.s3Client()) {
            Fixtures.uploadAll(s3);
        }
    }

    @AfterAll
    static void closeClients() {
        dynamo.close();
        streams.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv-formats", "json-formats", "bad-rows", "unreadable-files", "empty-files",
            "bucket-root", "folder-not-a-store"})
    void eachFixtureEventLeavesItsExpectedImportRecordsAndItems(String scenario) throws Exception {
        post(scenario);

        Map<String, List<Map<String, Object>>> expected = JSON.readValue(Fixtures.expected(scenario),
                new TypeReference<>() { });
        for (Map<String, Object> record : expected.get("imports")) {
            Map<String, Object> actual = Fixtures.importRecord(dynamo, (String) record.get("store_id"),
                    (String) record.get("object_key"));
            assertThat(actual).as(record.get("object_key").toString())
                    .containsAllEntriesOf(numbersAsLongs(record));
            if (!record.containsKey(ImportsTable.REASON)) {
                assertThat(actual).doesNotContainKey(ImportsTable.REASON);
            }
        }
        List<Map<String, Object>> items = expected.get("items");
        String store = expected.get("imports").get(0).get("store_id").toString();
        assertThat(itemsOf(store)).isEqualTo(items.stream().map(LoaderHandlerTest::numbersAsLongs).toList());
    }

    @Test
    void everyItemCarriesTheFileTimeAndSource() {
        post("csv-formats");

        assertThat(Fixtures.items(dynamo, "0101")).filteredOn(i -> i.get("item_id").equals("MLK-1L")).singleElement()
                .satisfies(item -> {
                    assertThat(item).containsEntry(InventoryTable.LAST_UPDATED, "2026-11-25T06:00:00.000Z");
                    assertThat(item).containsEntry(InventoryTable.SOURCE, "s3://inventory-test/0101/stock comma.csv");
                });
        assertThat(Fixtures.importRecord(dynamo, "0101", "0101/stock comma.csv"))
                .containsEntry(ImportsTable.IMPORT_ID, "2026-11-25T06:00:00.000Z#0101/stock comma.csv")
                .containsEntry(ImportsTable.FILE_TIME, "2026-11-25T06:00:00.000Z");
    }

    @Test
    void anImportRecordExpiresFourHundredDaysAfterItStartedByDefault() {
        post("csv-formats");

        Map<String, Object> record = Fixtures.importRecord(dynamo, "0101", "0101/stock comma.csv");
        long startedAt = Instant.parse((String) record.get(ImportsTable.STARTED_AT)).getEpochSecond();
        assertThat(record).containsEntry(TableSchemas.IMPORTS_TTL_ATTRIBUTE,
                startedAt + Duration.ofDays(400).toSeconds());
    }

    @Test
    void replayingAnEventLeavesTheTableAsItWasAndWritesNoStreamRecords() {
        post("daily-count");
        List<Map<String, Object>> before = Fixtures.items(dynamo, "0204");
        long recordsBefore = Fixtures.streamRecords(dynamo, streams, "0204");
        Map<String, Object> firstImport = Fixtures.importRecord(dynamo, "0204", "0204/daily stock.csv");

        post("daily-count");

        assertThat(Fixtures.items(dynamo, "0204")).isEqualTo(before);
        assertThat(recordsBefore).isEqualTo(3);
        assertThat(Fixtures.streamRecords(dynamo, streams, "0204")).isEqualTo(recordsBefore);
        assertThat(Fixtures.importRecord(dynamo, "0204", "0204/daily stock.csv")).isEqualTo(firstImport)
                .containsEntry(ImportsTable.ROWS_WRITTEN, 3L);
    }

    @Test
    void aLateOlderFileDoesNotRollStockBack() {
        post("evening-count");

        post("late-morning-count");

        assertThat(level("0201", "MLK-1L")).isEqualTo(5L);
        assertThat(Fixtures.importRecord(dynamo, "0201", "0201/morning count.csv"))
                .containsEntry(ImportsTable.STATUS, "LOADED")
                .containsEntry(ImportsTable.ROWS_STALE, 1L)
                .containsEntry(ImportsTable.ROWS_UNCHANGED, 1L)
                .containsEntry(ImportsTable.ROWS_WRITTEN, 1L);
        assertThat(Fixtures.items(dynamo, "0201")).filteredOn(i -> i.get("item_id").equals("MLK-1L")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry(InventoryTable.LAST_UPDATED,
                        "2026-11-25T18:00:00.000Z"));
    }

    @Test
    void aNewerFileWithTheSameValuesOnlyAdvancesTheFileTime() {
        post("monday-count");
        Map<String, Object> before = item("0202", "SUG-1KG");

        post("tuesday-count");

        assertThat(item("0202", "SUG-1KG"))
                .containsEntry(InventoryTable.INVENTORY_LEVEL, before.get(InventoryTable.INVENTORY_LEVEL))
                .containsEntry(InventoryTable.LAST_UPDATED, "2026-11-24T07:00:00.000Z")
                .containsEntry(InventoryTable.SOURCE, "s3://inventory-test/0202/tuesday.csv");
        assertThat(Fixtures.importRecord(dynamo, "0202", "0202/tuesday.csv"))
                .containsEntry(ImportsTable.STATUS, "LOADED")
                .containsEntry(ImportsTable.ROWS_UNCHANGED, 2L)
                .containsEntry(ImportsTable.ROWS_WRITTEN, 0L);
    }

    @Test
    void aLateFileOlderThanAnUnchangedNewerFileDoesNotRollStockBack() {
        post("monday-count");
        post("tuesday-count");

        post("late-monday-noon-count");

        assertThat(level("0202", "SUG-1KG")).isEqualTo(2L);
        assertThat(Fixtures.importRecord(dynamo, "0202", "0202/monday noon.csv"))
                .containsEntry(ImportsTable.STATUS, "LOADED")
                .containsEntry(ImportsTable.ROWS_STALE, 1L)
                .containsEntry(ImportsTable.ROWS_UNCHANGED, 1L)
                .containsEntry(ImportsTable.ROWS_WRITTEN, 0L);
    }

    @Test
    void anItemBackInStockLosesItsStockStatus() {
        post("sold-out");
        assertThat(item("0203", "COF-ESP")).containsEntry(InventoryTable.STOCK_STATUS, "OUT_OF_STOCK");

        post("restocked");

        assertThat(item("0203", "COF-ESP")).doesNotContainKey(InventoryTable.STOCK_STATUS)
                .containsEntry(InventoryTable.INVENTORY_LEVEL, 50L);
        assertThat(item("0203", "COF-FLT")).containsEntry(InventoryTable.STOCK_STATUS, "LOW");
    }

    @Test
    void theLastRowOfAnItemListedSeveralTimesWins() {
        post("duplicates");

        assertThat(item("0205", "RCE-BAS")).containsEntry(InventoryTable.INVENTORY_LEVEL, 14L)
                .containsEntry(InventoryTable.ITEM_NAME, "Basmati rice 1 kg");
        assertThat(Fixtures.importRecord(dynamo, "0205", "0205/recount.csv"))
                .containsEntry(ImportsTable.ROWS_READ, 4L)
                .containsEntry(ImportsTable.ROWS_WRITTEN, 2L)
                .containsEntry("rows_superseded", 2L)
                .containsEntry(ImportsTable.WARNINGS, List.of(
                        "Item \"RCE-BAS\" in row 2 is listed again in row 5; only the last row for an item is used.",
                        "Item \"RCE-BAS\" in row 4 is listed again in row 5; only the last row for an item is used."));
    }

    @Test
    void aFileThatCannotBeFetchedFailsTheInvocationSoLambdaRetries() {
        given().contentType("application/json").body(Fixtures.event("missing-bucket"))
                .post("/_lambda_")
                .then().statusCode(500);

        assertThat(Fixtures.importRecord(dynamo, "0206", "0206/stock.csv"))
                .containsEntry(ImportsTable.STATUS, "FAILED")
                .containsEntry(ImportsTable.REASON,
                        "The file could not be read from storage; it will be tried again automatically.");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void post(String event) {
        given().contentType("application/json").body(Fixtures.event(event))
                .post("/_lambda_")
                .then().statusCode(200);
    }

    private static List<Map<String, Object>> itemsOf(String store) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : Fixtures.items(dynamo, store)) {
            Map<String, Object> shown = new java.util.HashMap<>(item);
            shown.keySet().retainAll(ITEM_FIELDS);
            items.add(shown);
        }
        items.sort(Comparator.comparing(i -> i.get(InventoryTable.ITEM_ID).toString()));
        return items;
    }

    private static Map<String, Object> item(String store, String itemId) {
        return Fixtures.items(dynamo, store).stream().filter(i -> i.get(InventoryTable.ITEM_ID).equals(itemId))
                .findFirst().orElseThrow();
    }

    private static Object level(String store, String itemId) {
        return item(store, itemId).get(InventoryTable.INVENTORY_LEVEL);
    }

    private static Map<String, Object> numbersAsLongs(Map<String, Object> map) {
        Map<String, Object> result = new java.util.HashMap<>();
        map.forEach((k, v) -> result.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return result;
    }
}
