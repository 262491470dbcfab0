package com.stockwatch.notifier;

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

    /**
     * Alert-storm threshold: when one stream batch holds more than this many alerts for one store, that store gets a
     * single digest message instead of one message per alert.
     */
    @WithDefault("10")
    int digestThreshold();

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
