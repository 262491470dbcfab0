package com.stockwatch.loader.imports;

import java.util.List;

import com.stockwatch.metrics.Metric;
import com.stockwatch.metrics.MetricsLogger;

/**
 * What one invocation's imports add to the operations metrics: files by outcome, rows by what became of them, and the
 * longest import. A file continued in another invocation counts once, when it ends (its counts are the whole file's).
 */
public final class ImportMetrics {

    private ImportMetrics() {
    }

    public static void record(MetricsLogger metrics, List<ImportResult> results) {
        for (ImportResult result : results) {
            if (!result.status().isFinal()) {
                continue;
            }
            metrics.record(switch (result.status()) {
                case LOADED -> Metric.FILES_LOADED;
                case PARTIAL -> Metric.FILES_PARTIAL;
                case REJECTED -> Metric.FILES_REJECTED;
                default -> Metric.FILES_FAILED;
            }, 1);
            metrics.record(Metric.ROWS_WRITTEN, result.rowsWritten())
                    .record(Metric.ROWS_UNCHANGED, result.rowsUnchanged())
                    .record(Metric.ROWS_STALE, result.rowsStale())
                    .record(Metric.ROWS_REJECTED, result.rowsRejected())
                    .record(Metric.IMPORT_DURATION, result.durationMs());
        }
    }
}
