package com.stockwatch.notifier;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of the notifier. On Lambda each key comes from an environment variable of the same name in upper
 * case with {@code _} for {@code .} and {@code -}, e.g. {@code INVENTORY_NOTIFIER_TOPIC_ARN}.
 */
@ConfigMapping(prefix = "inventory.notifier")
public interface NotifierConfig {

    /** ARN of the SNS topic the alerts go to (Terraform's {@code NoStock} topic). Required. */
    String topicArn();

    /**
     * Base URL of the dashboard, e.g. {@code https://stock.example.com}. When set, every alert links to
     * {@code <dashboard-url>/stores/{store}/items/{item}}; when empty, messages carry no link.
     */
    Optional<String> dashboardUrl();

    /** BACK_IN_STOCK alerts ({@code inventory.notifier.back-in-stock.*}). */
    BackInStock backInStock();

    /** BACK_IN_STOCK alerts. */
    interface BackInStock {
        /** Whether an item coming back from 0 raises a BACK_IN_STOCK alert. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Grouping of a store's alerts over time ({@code inventory.notifier.grouping.*}). */
    Grouping grouping();

    /** Grouping of a store's alerts over time (Alertmanager's group_wait / group_interval, adapted). */
    interface Grouping {
        /** How many alerts of a store go out one by one within a window; the rest wait for the window's digest. */
        @WithDefault("10")
        int immediateAlerts();

        /** Length of a store's window, from its first alert. */
        @WithDefault("PT5M")
        Duration window();

        /** How many items a digest names (out of stock first, then by name); the dashboard link has them all. */
        @WithDefault("20")
        int digestItems();

        /** How long a flush owns a digest it claimed; a crashed flush's digest is taken over after it. */
        @WithDefault("PT2M")
        Duration flushLease();
    }

    /** Import outcomes ({@code inventory.notifier.imports.*}). */
    Imports imports();

    /** Import outcomes. */
    interface Imports {
        /** Share of rejected rows (0 to 1) above which a PARTIAL import is reported to the store. */
        @WithDefault("0.01")
        double partialAlertShare();
    }

    /** Silent stores ({@code inventory.notifier.silence.*}). */
    Silence silence();

    /** Silent stores. */
    interface Silence {
        /** Hours without a file after which a store without its own {@code expected_interval_hours} is silent. */
        @WithDefault("26")
        int expectedIntervalHours();

        /** The shortest interval any store may have (the registry query reads stores silent at least this long). */
        @WithDefault("1")
        int shortestIntervalHours();
    }

    /** The scheduled recount of store summaries ({@code inventory.notifier.reconcile.*}, docs/dashboard.md). */
    Reconcile reconcile();

    /** The scheduled recount of store summaries: a safety net under the exactly-once counters. */
    interface Reconcile {
        /** How often each store is recounted. */
        @WithDefault("PT24H")
        Duration every();

        /** Only stores whose counters have not changed for this long (no import running) are recounted. */
        @WithDefault("PT15M")
        Duration quietFor();

        /** At most this many items are recounted per scheduled run (about 1 item a millisecond on Lambda). */
        @WithDefault("2000000")
        long maxItems();
    }

    /**
     * How many writes to {@code InventoryAlerts} (claims and delivery marks) run at the same time; a storm of a
     * thousand alerts takes seconds one write at a time.
     */
    @WithDefault("16")
    int ledgerConcurrency();

    /** How many days an alert record stays in {@code InventoryAlerts} before DynamoDB's TTL removes it. */
    @WithDefault("90")
    int alertRetentionDays();
}
