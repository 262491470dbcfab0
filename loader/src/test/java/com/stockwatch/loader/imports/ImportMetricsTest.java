package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.metrics.MetricsLogger;

class ImportMetricsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MetricsLogger metrics = new MetricsLogger("Stockwatch", "loader",
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

    @Test
    void finishedFilesCountByOutcomeWithTheirRowsAndAContinuedFileCountsOnlyWhenItEnds() throws Exception {
        ImportMetrics.record(metrics, List.of(
                result(ImportStatus.LOADED, 100, 90, 10, 0, 0, 1200),
                result(ImportStatus.PARTIAL, 50, 40, 0, 2, 8, 800),
                result(ImportStatus.FAILED, 0, 0, 0, 0, 0, 300),
                result(ImportStatus.RUNNING, 500_000, 500_000, 0, 0, 0, 60_000)));
        metrics.flush();

        JsonNode document = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(document.path("FilesLoaded").asLong()).isEqualTo(1);
        assertThat(document.path("FilesPartial").asLong()).isEqualTo(1);
        assertThat(document.path("FilesFailed").asLong()).isEqualTo(1);
        assertThat(document.has("FilesRejected")).isFalse();
        assertThat(document.path("RowsWritten").asLong()).isEqualTo(130);
        assertThat(document.path("RowsUnchanged").asLong()).isEqualTo(10);
        assertThat(document.path("RowsStale").asLong()).isEqualTo(2);
        assertThat(document.path("RowsRejected").asLong()).isEqualTo(8);
        assertThat(document.path("ImportDuration").asLong()).as("the longest finished import").isEqualTo(1200);
    }

    private static ImportResult result(ImportStatus status, long read, long written, long unchanged, long stale,
            long rejected, long durationMs) {
        return new ImportResult("0042", "2026-11-29T10:00:00.000Z#0042/stock.csv", "bucket", "0042/stock.csv",
                Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:00:01Z"), durationMs, status, read,
                written, unchanged, stale, rejected, 0, 0, Optional.empty(), List.of(), List.of());
    }
}
