package com.stockwatch.metrics;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** Hands each invocation a {@link MetricsLogger} for this function, or one that writes nothing when disabled. */
@ApplicationScoped
public class Metrics {

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final MetricsConfig config;

    public Metrics(MetricsConfig config) {
        this.config = config;
    }

    /** A fresh logger for one invocation; call {@link MetricsLogger#flush()} at its end. */
    public MetricsLogger start() {
        return new MetricsLogger(config.namespace(), config.function(), config.enabled() ? System.out : DISCARD,
                Clock.systemUTC());
    }
}
