package com.stockwatch.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the functions' metrics go: {@code INVENTORY_METRICS_*}. */
@ConfigMapping(prefix = "inventory.metrics")
public interface MetricsConfig {

    /** Write Embedded Metric Format lines to standard output (CloudWatch Logs turns them into metrics). */
    @WithDefault("true")
    boolean enabled();

    /** CloudWatch namespace of every metric; Terraform's alarms watch the same. */
    @WithDefault("Stockwatch")
    String namespace();

    /**
     * Value of the {@code Function} dimension: the Lambda function's name, which Lambda sets in
     * {@code AWS_LAMBDA_FUNCTION_NAME} and Terraform's alarms use; elsewhere (tests, local stack) the application name.
     */
    @WithDefault("${AWS_LAMBDA_FUNCTION_NAME:${quarkus.application.name}}")
    String function();
}
