package com.stockwatch.loader;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the loader; environment variables {@code INVENTORY_LOADER_*} override each key. */
@ConfigMapping(prefix = "inventory.loader")
public interface LoaderConfig {

    /**
     * Item writes in flight at once for one file. Each is one conditional PutItem on the async DynamoDB client; the
     * HTTP connection pool is sized to match.
     */
    @WithDefault("64")
    int parallelism();

    /**
     * Attempts the AWS SDK makes for one call (its standard retry strategy, with backoff, covers throttling, 5xx and
     * connection errors).
     */
    @WithDefault("4")
    int sdkMaxAttempts();

    /**
     * Further retries of one item after the SDK gave up on a retryable error, each after an exponential backoff with
     * jitter. An item still failing then counts as failed: the import is FAILED and the invocation fails so Lambda
     * retries the event.
     */
    @WithDefault("4")
    int itemRetries();

    /** Backoff before the first item retry; doubled for each further retry. */
    @WithDefault("250ms")
    Duration itemRetryBaseDelay();

    /**
     * Distinct items per file the duplicate filter is sized for (about 1.25 bytes each, allocated per file). Larger
     * files still load correctly; they only keep a little more memory for suspected duplicates.
     */
    @WithDefault("2000000")
    int duplicateFilterItems();

    /** Warnings (ignored columns, duplicate items) kept per import record; further ones are only counted. */
    @WithDefault("20")
    int maxWarnings();
}
