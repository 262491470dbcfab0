package com.stockwatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockwatch.metrics.MetricsLogger;

class StreamMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aBatchReportsItsSizeAndTheAgeOfItsOldestRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsLogger metrics = new MetricsLogger("Stockwatch", "notifier",
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

        StreamMetrics.record(metrics, List.of(record(NOW.minusSeconds(3)), record(NOW.minusSeconds(42)),
                record(NOW.minusSeconds(1))), NOW);
        metrics.flush();

        JsonNode document = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(document.path("StreamRecords").asLong()).isEqualTo(3);
        assertThat(document.path("StreamRecordAge").asLong()).isEqualTo(42_000);
    }

    private static DynamodbStreamRecord record(Instant created) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        StreamRecord stream = new StreamRecord();
        stream.setApproximateCreationDateTime(Date.from(created));
        record.setDynamodb(stream);
        return record;
    }
}
