package com.stockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MetricsLoggerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MetricsLogger metrics = new MetricsLogger("Stockwatch", "prod-loader",
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

    private List<JsonNode> documents() throws Exception {
        ObjectMapper json = new ObjectMapper();
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON document per line: " + line, e);
            }
        }).toList();
    }

    @Test
    void oneInvocationBecomesOneEmbeddedMetricDocumentThatCloudWatchCanRead() throws Exception {
        metrics.record(Metric.FILES_LOADED, 1).record(Metric.ROWS_WRITTEN, 700).record(Metric.ROWS_WRITTEN, 300)
                .record(Metric.IMPORT_DURATION, 1200).record(Metric.IMPORT_DURATION, 800);
        metrics.flush();

        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(1);
        JsonNode document = documents.get(0);
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(document.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("Stockwatch");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"FilesLoaded\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"RowsWritten\",\"Unit\":\"Count\"},{\"Name\":\"ImportDuration\",\"Unit\":\"Milliseconds\"}]");
        assertThat(document.path("Function").asText()).isEqualTo("prod-loader");
        assertThat(document.path("FilesLoaded").asLong()).isEqualTo(1);
        assertThat(document.path("RowsWritten").asLong()).as("counts add up").isEqualTo(1000);
        assertThat(document.path("ImportDuration").asLong()).as("durations keep the maximum").isEqualTo(1200);
    }

    @Test
    void aValueWithAnExtraDimensionGoesIntoADocumentWithBothDimensions() throws Exception {
        metrics.record(Metric.STREAM_RECORDS, 100)
                .record(Metric.ALERTS, "AlertType", "OUT_OF_STOCK", 3)
                .record(Metric.ALERTS, "AlertType", "LOW_STOCK", 1)
                .record(Metric.ALERTS, "AlertType", "OUT_OF_STOCK", 2);
        metrics.flush();

        List<JsonNode> documents = documents();
        assertThat(documents).hasSize(3);
        assertThat(documents.get(1).path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Function\",\"AlertType\"]]");
        assertThat(documents.get(1).path("AlertType").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(documents.get(1).path("Alerts").asLong()).isEqualTo(5);
        assertThat(documents.get(2).path("AlertType").asText()).isEqualTo("LOW_STOCK");
        assertThat(documents.get(2).path("Alerts").asLong()).isEqualTo(1);
    }

    @Test
    void flushWritesNothingWhenNothingWasRecordedAndStartsAfreshAfterwards() throws Exception {
        metrics.flush();
        assertThat(out.size()).isZero();

        metrics.record(Metric.DIGESTS, 1);
        metrics.flush();
        metrics.flush();
        assertThat(documents()).hasSize(1);
    }

    @Test
    void namesAndValuesWithQuotesOrControlCharactersStayValidJson() throws Exception {
        MetricsLogger odd = new MetricsLogger("Stock\"watch", "fn\\1\n", new PrintStream(out, true,
                StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        odd.record(Metric.ALERTS, "AlertType", "A\"B\u0001", 1).flush();

        JsonNode document = documents().get(0);
        assertThat(document.path("Function").asText()).isEqualTo("fn\\1\n");
        assertThat(document.path("AlertType").asText()).isEqualTo("A\"B\u0001");
        assertThat(document.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("Stock\"watch");
    }
}
