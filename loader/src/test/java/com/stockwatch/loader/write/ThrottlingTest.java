package com.stockwatch.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.emulators.proxy.ThrottlingProxy;
import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.loader.aws.LoaderClients;
import com.stockwatch.testing.Emulators;

import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The writer against DynamoDB Local behind {@link ThrottlingProxy}, which answers writes beyond a rate with DynamoDB's
 * own {@code ProvisionedThroughputExceededException}: the concurrency limit drops, every item is still stored, and
 * the limit climbs back once the throttling stops.
 */
class ThrottlingTest {

    private static final String TABLE = "ThrottlingTest";
    private static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");
    private static final int PARALLELISM = 32;

    static DynamoDbClient admin;

    @BeforeAll
    static void createTable() {
        admin = Emulators.dynamoDbClient();
        try {
            admin.deleteTable(b -> b.tableName(TABLE));
        } catch (ResourceNotFoundException absent) {
            // first run in this JVM
        }
        admin.createTable(TableSchemas.inventory(TABLE));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void throttlingHalvesTheConcurrencyEveryItemIsStoredAndTheLimitRecovers() throws Exception {
        try (ThrottlingProxy proxy = ThrottlingProxy.start(Emulators.dynamoDbEndpoint(), 100, 4);
                DynamoDbAsyncClient dynamo = client(proxy.endpoint())) {
            ItemWriter writer = new ItemWriter(dynamo, TABLE, 5, PARALLELISM, 2, Duration.ofMillis(20));

            WriteTally throttledPhase = writeAll(writer, "T1", 600);

            assertThat(throttledPhase.written()).isEqualTo(600);
            assertThat(throttledPhase.failed()).isZero();
            assertThat(proxy.throttled()).isPositive();
            assertThat(writer.throttled()).isEqualTo(proxy.throttled());
            assertThat(writer.lowestLimit()).isLessThanOrEqualTo(PARALLELISM / 4);
            // Backing off keeps the rejected share small: no storm of retries against the hot partition.
            assertThat(proxy.throttled()).isLessThan(600);

            proxy.writesPerSecond(1_000_000, 1_000_000);
            WriteTally recovered = writeAll(writer, "T2", 2_000);

            assertThat(recovered.written()).isEqualTo(600 + 2_000);
            assertThat(recovered.failed()).isZero();
            assertThat(writer.limit()).isEqualTo(PARALLELISM);
        }
    }

    private static WriteTally writeAll(ItemWriter writer, String store, int count) {
        for (int i = 0; i < count; i++) {
            writer.write(new InventoryItem(store, "SKU-" + i, "Item " + i, i % 20, MONDAY, OptionalInt.empty(),
                    "s3://b/" + store + "/f.csv"));
        }
        return writer.finish();
    }

    /** The loader's client configuration: the SDK retries 5xx and connection errors, not throttling. */
    private static DynamoDbAsyncClient client(URI endpoint) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(Emulators.REGION))
                .credentialsProvider(Emulators.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(PARALLELISM + 4))
                .overrideConfiguration(o -> o.retryStrategy(LoaderClients.retriesWithoutThrottling(4)))
                .build();
    }
}
