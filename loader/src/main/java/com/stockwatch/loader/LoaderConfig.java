package com.stockwatch.loader;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * Time an invocation keeps in reserve: when less remains, the load stops at a row boundary, drains its writes,
     * records a checkpoint and hands the rest of the file to a continuation. It must cover draining the writes in
     * flight (with their retries) and the checkpoint write.
     */
    @WithDefault("20s")
    Duration deadlineMargin();

    /**
     * How long an import record is kept: it carries {@code expires_at} = its start plus this, and DynamoDB's TTL
     * deletes it some time (usually within days) after that. ISO-8601 ({@code P400D}).
     */
    @WithDefault("P400D")
    Duration importRetention();

    /** How often a RUNNING import record is updated with the rows and bytes done. */
    @WithDefault("3s")
    Duration progressInterval();

    /**
     * Function a continuation is invoked in; empty = this function ({@code AWS_LAMBDA_FUNCTION_NAME}, set by Lambda).
     */
    Optional<String> continuationFunction();

    /** Lambda endpoint for continuations (the local stack's); empty = the region's. */
    Optional<URI> continuationEndpoint();

    /**
     * Longest CSV record or JSON Lines line, and longest JSON string, in characters. A longer CSV record rejects the
     * file (it is almost always an unclosed quote), a longer JSON Lines line rejects that row, a longer JSON string
     * rejects the file.
     */
    @WithDefault("1000000")
    int maxRecordChars();

    /** Largest decompressed size of a .gz file in bytes; larger rejects the file. */
    @WithDefault("2147483648")
    long maxDecompressedBytes();

    /**
     * Largest ratio of decompressed to compressed bytes of a .gz file (checked from 16 MiB decompressed on);
     * inventory files compress about 5-10 to 1, a decompression bomb by 1,000 to 1.
     */
    @WithDefault("100")
    int maxCompressionRatio();

    /** Warnings (ignored columns, duplicate items) kept per import record; further ones are only counted. */
    @WithDefault("20")
    int maxWarnings();
}
