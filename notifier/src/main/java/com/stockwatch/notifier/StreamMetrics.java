package com.stockwatch.notifier;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.metrics.Metric;
import com.stockwatch.metrics.MetricsLogger;

/** What one stream batch adds to the operations metrics: its size, and how old its oldest record is. */
final class StreamMetrics {

    private StreamMetrics() {
    }

    static void record(MetricsLogger metrics, List<DynamodbStreamRecord> records, Instant now) {
        metrics.record(Metric.STREAM_RECORDS, records.size());
        records.stream()
                .map(r -> r.getDynamodb() == null ? null : r.getDynamodb().getApproximateCreationDateTime())
                .filter(Objects::nonNull)
                .map(Date::toInstant)
                .min(Instant::compareTo)
                .ifPresent(oldest -> metrics.record(Metric.STREAM_RECORD_AGE,
                        Math.max(0, now.toEpochMilli() - oldest.toEpochMilli())));
    }
}
