package com.stockwatch.metrics;

import java.io.PrintStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the metrics of one invocation and writes them as CloudWatch Embedded Metric Format documents, one JSON
 * line per dimension set, to standard output: Lambda ships the line to CloudWatch Logs, which extracts the metrics.
 * No API call, no extra latency, nothing to fail.
 * <p>
 * Every document carries the dimension {@code Function} (the Lambda function's name); a value recorded with an extra
 * dimension ({@code AlertType=OUT_OF_STOCK}) goes into a document of its own with both dimensions.
 * <p>
 * The JSON is written by hand: metric and dimension names are constants, values are numbers, and the few strings
 * (namespace, function name, dimension values) are escaped; no reflection, nothing to register for native images.
 */
public final class MetricsLogger {

    private static final String NO_DIMENSION = "";

    private final String namespace;
    private final String function;
    private final PrintStream out;
    private final Clock clock;
    /** Extra dimension ("name=value", or "" for none) -> metric -> value. */
    private final Map<String, Map<Metric, Double>> values = new LinkedHashMap<>();

    public MetricsLogger(String namespace, String function, PrintStream out, Clock clock) {
        this.namespace = namespace;
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    /** A logger that writes nowhere: for code paths tested without metrics. */
    public static MetricsLogger discarding() {
        return new MetricsLogger("", "", new PrintStream(java.io.OutputStream.nullOutputStream()), Clock.systemUTC());
    }

    /** Records a value of a metric; several values of one invocation are summed or maxed as the metric says. */
    public MetricsLogger record(Metric metric, double value) {
        return recordIn(NO_DIMENSION, metric, value);
    }

    /** Records a value under an extra dimension, for example {@code AlertType} = {@code OUT_OF_STOCK}. */
    public MetricsLogger record(Metric metric, String dimension, String dimensionValue, double value) {
        if (dimension.isEmpty() || dimension.contains("=")) {
            throw new IllegalArgumentException("bad dimension name: " + dimension);
        }
        return recordIn(dimension + "=" + dimensionValue, metric, value);
    }

    private MetricsLogger recordIn(String dimensionKey, Metric metric, double value) {
        values.computeIfAbsent(dimensionKey, k -> new EnumMap<>(Metric.class)).merge(metric, value,
                metric.aggregation() == Metric.Aggregation.SUM ? Double::sum : Math::max);
        return this;
    }

    /** Writes what was recorded (nothing when nothing was) and starts afresh. */
    public void flush() {
        long timestamp = clock.millis();
        values.forEach((dimensionKey, metrics) -> out.println(document(timestamp, dimensionKey, metrics)));
        out.flush();
        values.clear();
    }

    private String document(long timestamp, String dimensionKey, Map<Metric, Double> metrics) {
        String extraName = null;
        String extraValue = null;
        if (!dimensionKey.isEmpty()) {
            int eq = dimensionKey.indexOf('=');
            extraName = dimensionKey.substring(0, eq);
            extraValue = dimensionKey.substring(eq + 1);
        }
        StringBuilder json = new StringBuilder(256);
        json.append("{\"_aws\":{\"Timestamp\":").append(timestamp)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":").append(quote(namespace))
                .append(",\"Dimensions\":[[\"Function\"");
        if (extraName != null) {
            json.append(',').append(quote(extraName));
        }
        json.append("]],\"Metrics\":[");
        String separator = "";
        for (Metric metric : metrics.keySet()) {
            json.append(separator).append("{\"Name\":").append(quote(metric.metricName())).append(",\"Unit\":")
                    .append(quote(metric.unit().cloudWatchName())).append('}');
            separator = ",";
        }
        json.append("]}]},\"Function\":").append(quote(function));
        if (extraName != null) {
            json.append(',').append(quote(extraName)).append(':').append(quote(extraValue));
        }
        metrics.forEach((metric, value) -> json.append(',').append(quote(metric.metricName())).append(':')
                .append(number(value)));
        return json.append('}').toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
