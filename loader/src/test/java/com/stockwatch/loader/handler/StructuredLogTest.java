package com.stockwatch.loader.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stockwatch.loader.imports.LoaderService;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The loader's outcome line carries the structured fields (request id, store, import id, object key, outcome), and
 * the production JSON formatter (quarkus-logging-json, what the prod profile switches on) writes them as JSON fields.
 * The test profile itself logs plain text, as dev and the local stack do.
 */
@QuarkusTest
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(S3Resource.class)
class StructuredLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "0909/logged stock.csv";
    private static final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private static final Logger SERVICE_LOG = Logger.getLogger(LoaderService.class.getName());
    private static final Handler CAPTURE = new Handler() {
        private final JsonFormatter json = new JsonFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(json.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void capture() {
        try (S3Client s3 = Emulators.s3Client()) {
            Fixtures.uploadAll(s3);
            // A key of its own, so the import is new whichever test class ran first.
            s3.copyObject(b -> b.sourceBucket(S3Resource.BUCKET).sourceKey("0101/stock comma.csv")
                    .destinationBucket(S3Resource.BUCKET).destinationKey(KEY));
        }
        SERVICE_LOG.addHandler(CAPTURE);
    }

    @AfterAll
    static void release() {
        SERVICE_LOG.removeHandler(CAPTURE);
    }

    @Test
    void theOutcomeLineIsAJsonObjectWithTheImportsFields() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.event("csv-formats"));
        ArrayNode records = (ArrayNode) event.get("Records");
        records.remove(2);
        records.remove(1);
        ((ObjectNode) records.get(0).at("/s3/object")).put("key", KEY.replace(' ', '+'));
        given().contentType("application/json").body(JSON.writeValueAsString(event)).post("/_lambda_")
                .then().statusCode(200);

        JsonNode outcome = null;
        synchronized (lines) {
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                if (node.path("message").asText().startsWith(KEY + ": LOADED")) {
                    outcome = node;
                }
            }
        }
        assertThat(outcome).as("the JSON line of the outcome of %s in %s", KEY, lines).isNotNull();
        JsonNode mdc = outcome.path("mdc");
        assertThat(mdc.path("store_id").asText()).isEqualTo("0909");
        assertThat(mdc.path("import_id").asText()).isEqualTo("2026-11-25T06:00:00.000Z#" + KEY);
        assertThat(mdc.path("object_key").asText()).isEqualTo(KEY);
        assertThat(mdc.path("outcome").asText()).isEqualTo("LOADED");
        assertThat(mdc.path("request_id").asText()).isNotBlank();
        assertThat(outcome.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void onlyTheProductionProfileLogsJson() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.log.console.json.enabled")).isEqualTo("false");
        assertThat(properties.getProperty("%prod.quarkus.log.console.json.enabled")).isEqualTo("true");
        assertThat(properties.getProperty("%prod.quarkus.log.console.json.additional-field.function.value"))
                .isEqualTo("loader");
    }
}
