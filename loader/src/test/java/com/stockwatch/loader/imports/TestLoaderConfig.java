package com.stockwatch.loader.imports;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.stockwatch.inventory.TableNames;
import com.stockwatch.loader.LoaderConfig;
import com.stockwatch.testing.DynamoDbLocalResource;

/** The loader's configuration for plain JUnit tests and benchmarks: the defaults, with the few knobs tests turn. */
record TestLoaderConfig(int parallelism, Duration deadlineMargin, Duration progressInterval, int maxRecordChars,
        long maxDecompressedBytes, int maxCompressionRatio) implements LoaderConfig {

    /** The default retention of import records. */
    static final Duration RETENTION = Duration.ofDays(400);

    static TestLoaderConfig defaults() {
        return new TestLoaderConfig(64, Duration.ofSeconds(20), Duration.ofSeconds(3), 1_000_000, 2L << 30, 100);
    }

    TestLoaderConfig withParallelism(int value) {
        return new TestLoaderConfig(value, deadlineMargin, progressInterval, maxRecordChars, maxDecompressedBytes,
                maxCompressionRatio);
    }

    TestLoaderConfig withDeadline(Duration margin, Duration progress) {
        return new TestLoaderConfig(parallelism, margin, progress, maxRecordChars, maxDecompressedBytes,
                maxCompressionRatio);
    }

    @Override
    public Duration importRetention() {
        return RETENTION;
    }

    @Override
    public int sdkMaxAttempts() {
        return 4;
    }

    @Override
    public int itemRetries() {
        return 4;
    }

    @Override
    public Duration itemRetryBaseDelay() {
        return Duration.ofMillis(50);
    }

    @Override
    public int duplicateFilterItems() {
        return 2_000_000;
    }

    @Override
    public int maxWarnings() {
        return 20;
    }

    @Override
    public Optional<String> continuationFunction() {
        return Optional.empty();
    }

    @Override
    public Optional<URI> continuationEndpoint() {
        return Optional.empty();
    }

    /** The table names {@link DynamoDbLocalResource} creates. */
    static TableNames tables() {
        return tables(DynamoDbLocalResource.INVENTORY, DynamoDbLocalResource.IMPORTS);
    }

    static TableNames tables(String inventory, String imports) {
        return new TableNames() {
            @Override
            public String inventory() {
                return inventory;
            }

            @Override
            public String imports() {
                return imports;
            }

            @Override
            public String alerts() {
                return DynamoDbLocalResource.ALERTS;
            }

            @Override
            public String stores() {
                return DynamoDbLocalResource.STORES;
            }

            @Override
            public String itemStates() {
                return DynamoDbLocalResource.ITEM_STATES;
            }

            @Override
            public String search() {
                return DynamoDbLocalResource.SEARCH;
            }
        };
    }
}
