package com.stockwatch.loader.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A clean import logs no warnings: every WARN (or worse) any logger of the function writes while a large-ish file is
 * imported, and then an older copy of it whose every write DynamoDB refuses (a conditional check failure per row),
 * fails the test. (Netty's "exceptionCaught() ... reached at the tail of the pipeline" with
 * {@code IOException: Request cancelled} used to appear here, see docs/loader.md "AWS clients".)
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(S3Resource.class)
class ImportLogTest {

    private static final int ROWS = 6_000;
    private static final String STORE = "0301";
    private static final String KEY = STORE + "/large.csv";
    private static final String LATE_KEY = STORE + "/late.csv";

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aLargeImportAndALateCopyOfItLogNoWarnings() {
        Logger.getLogger("io.netty.channel.DefaultChannelPipeline").warning("probe: the capture sees Netty's logger");
        assertThat(warnings).extracting(LogRecord::getMessage).containsExactly("probe: the capture sees Netty's logger");
        warnings.clear();
        StringBuilder csv = new StringBuilder("item_id,item_name,inventory_level\n");
        for (int row = 0; row < ROWS; row++) {
            csv.append("SKU-").append(row).append(",Item ").append(row).append(',').append(row % 50).append('\n');
        }
        try (S3Client s3 = Emulators.s3Client()) {
            for (String key : List.of(KEY, LATE_KEY)) {
                s3.putObject(b -> b.bucket(S3Resource.BUCKET).key(key),
                        RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
            }
        }

        post(event(KEY, "2026-11-27T06:00:00.000Z"));
        post(event(LATE_KEY, "2026-11-26T06:00:00.000Z"));

        try (DynamoDbClient dynamo = Emulators.dynamoDbClient()) {
            assertThat(Fixtures.importRecord(dynamo, STORE, KEY))
                    .containsEntry(ImportsTable.STATUS, "LOADED")
                    .containsEntry(ImportsTable.ROWS_WRITTEN, (long) ROWS);
            assertThat(Fixtures.importRecord(dynamo, STORE, LATE_KEY))
                    .containsEntry(ImportsTable.STATUS, "LOADED")
                    .containsEntry(ImportsTable.ROWS_UNCHANGED, (long) ROWS);
            assertThat(Fixtures.items(dynamo, STORE)).hasSize(ROWS);
        }
        assertThat(warnings).extracting(r -> r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown())).isEmpty();
    }

    private static String event(String key, String time) {
        return Fixtures.event("daily-count").replace("0204/daily+stock.csv", key)
                .replace("2026-11-25T07:30:00.000Z", time);
    }

    /** Waits for the invocation as long as a loaded machine may need for the file (the default is 30 s). */
    private static void post(String event) {
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 300_000)))
                .contentType("application/json").body(event).post("/_lambda_").then().statusCode(200);
    }
}
