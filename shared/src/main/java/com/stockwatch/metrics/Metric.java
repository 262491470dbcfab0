package com.stockwatch.metrics;

/**
 * Every metric the functions publish, in CloudWatch Embedded Metric Format (see {@link MetricsLogger}). Terraform's
 * alarms and dashboard name them by {@link #metricName()}; deploy/checks verifies that each metric an alarm watches is
 * declared here.
 */
public enum Metric {
    /** Loader: files by final outcome. */
    FILES_LOADED("FilesLoaded", Unit.COUNT, Aggregation.SUM),
    FILES_PARTIAL("FilesPartial", Unit.COUNT, Aggregation.SUM),
    FILES_REJECTED("FilesRejected", Unit.COUNT, Aggregation.SUM),
    FILES_FAILED("FilesFailed", Unit.COUNT, Aggregation.SUM),
    /** Loader: rows by what became of them. */
    ROWS_WRITTEN("RowsWritten", Unit.COUNT, Aggregation.SUM),
    ROWS_UNCHANGED("RowsUnchanged", Unit.COUNT, Aggregation.SUM),
    ROWS_STALE("RowsStale", Unit.COUNT, Aggregation.SUM),
    ROWS_REJECTED("RowsRejected", Unit.COUNT, Aggregation.SUM),
    /** Loader: wall time of one file's import (per invocation, for a continued import). */
    IMPORT_DURATION("ImportDuration", Unit.MILLISECONDS, Aggregation.MAX),
    /** Notifier: alerts raised, with dimension {@code AlertType}. */
    ALERTS("Alerts", Unit.COUNT, Aggregation.SUM),
    /** Notifier: digest messages sent. */
    DIGESTS("Digests", Unit.COUNT, Aggregation.SUM),
    /** Notifier: messages SNS did not accept. */
    SNS_FAILURES("SnsFailures", Unit.COUNT, Aggregation.SUM),
    /** Notifier: stream records per batch. */
    STREAM_RECORDS("StreamRecords", Unit.COUNT, Aggregation.SUM),
    /** Notifier: age of the oldest record of a batch (now minus its approximate creation time). */
    STREAM_RECORD_AGE("StreamRecordAge", Unit.MILLISECONDS, Aggregation.MAX);

    /** CloudWatch units used here. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /** How several values recorded in one invocation combine into the one value published. */
    public enum Aggregation {
        SUM, MAX
    }

    private final String metricName;
    private final Unit unit;
    private final Aggregation aggregation;

    Metric(String metricName, Unit unit, Aggregation aggregation) {
        this.metricName = metricName;
        this.unit = unit;
        this.aggregation = aggregation;
    }

    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }

    public Aggregation aggregation() {
        return aggregation;
    }
}
