package com.stockwatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The configuration keys as documented in docs/notifier.md, and their defaults. */
class NotifierConfigTest {

    static NotifierConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(NotifierConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(NotifierConfig.class);
    }

    @Test
    void defaults() {
        NotifierConfig config = config(Map.of("inventory.notifier.topic-arn", "arn:aws:sns:eu-west-1:1:NoStock"));
        assertThat(config.topicArn()).isEqualTo("arn:aws:sns:eu-west-1:1:NoStock");
        assertThat(config.dashboardUrl()).isEmpty();
        assertThat(config.backInStock().enabled()).isTrue();
        assertThat(config.grouping().immediateAlerts()).isEqualTo(10);
        assertThat(config.grouping().window()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(config.grouping().digestItems()).isEqualTo(20);
        assertThat(config.grouping().flushLease()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(config.imports().partialAlertShare()).isEqualTo(0.01);
        assertThat(config.silence().expectedIntervalHours()).isEqualTo(26);
        assertThat(config.silence().shortestIntervalHours()).isEqualTo(1);
        assertThat(config.ledgerConcurrency()).isEqualTo(16);
        assertThat(config.alertRetentionDays()).isEqualTo(90);
    }

    @Test
    void everyKey() {
        NotifierConfig config = config(Map.of(
                "inventory.notifier.topic-arn", "arn:aws:sns:eu-west-1:1:NoStock",
                "inventory.notifier.dashboard-url", "https://stock.example.com",
                "inventory.notifier.back-in-stock.enabled", "false",
                "inventory.notifier.grouping.immediate-alerts", "25",
                "inventory.notifier.grouping.window", "PT15M",
                "inventory.notifier.silence.expected-interval-hours", "48",
                "inventory.notifier.ledger-concurrency", "4",
                "inventory.notifier.alert-retention-days", "30"));
        assertThat(config.dashboardUrl()).contains("https://stock.example.com");
        assertThat(config.backInStock().enabled()).isFalse();
        assertThat(config.grouping().immediateAlerts()).isEqualTo(25);
        assertThat(config.grouping().window()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(config.silence().expectedIntervalHours()).isEqualTo(48);
        assertThat(config.ledgerConcurrency()).isEqualTo(4);
        assertThat(config.alertRetentionDays()).isEqualTo(30);
    }
}
