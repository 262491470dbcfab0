package com.stockwatch.metrics;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** Hands each invocation a {@link MetricsLogger} for this function, or one that writes nothing when disabled. */
@ApplicationScoped
public class Metrics {

    private final MetricsConfig config;

    public Metrics(MetricsConfig config) {
        this.config = config;
    }

    /** A fresh logger for one invocation; call {@link MetricsLogger#flush()} at its end. */
    public MetricsLogger start() {
        return config.enabled()
                ? new MetricsLogger(config.namespace(), config.function(), System.out, Clock.systemUTC())
                : MetricsLogger.discarding();
    }
}
