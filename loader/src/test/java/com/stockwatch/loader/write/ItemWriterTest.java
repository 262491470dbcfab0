package com.stockwatch.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.testing.Emulators;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The concurrent conditional writer against DynamoDB Local, and its retries against an endpoint that is down. */
class ItemWriterTest {

    private static final String TABLE = "ItemWriterTest";
    private static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");

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
    void manyItemsAreWrittenConcurrentlyAndASecondRunChangesNothing() {
        try (DynamoDbAsyncClient dynamo = client(Emulators.dynamoDbEndpoint(), new AtomicInteger())) {
            WriteTally first = writeAll(new ItemWriter(dynamo, TABLE, 5, 8, 2, Duration.ofMillis(10)), "W1", 500);
            WriteTally second = writeAll(new ItemWriter(dynamo, TABLE, 5, 8, 2, Duration.ofMillis(10)), "W1", 500);

            assertThat(first).isEqualTo(new WriteTally(500, 0, 0, 0, java.util.List.of()));
            assertThat(second).isEqualTo(new WriteTally(0, 500, 0, 0, java.util.List.of()));
        }
    }

    @Test
    void itemsThatKeepFailingAreRetriedWithBackoffThenCountedAsFailed() throws IOException {
        URI down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        AtomicInteger calls = new AtomicInteger();
        try (DynamoDbAsyncClient dynamo = client(down, calls)) {
            WriteTally tally = writeAll(new ItemWriter(dynamo, TABLE, 5, 4, 2, Duration.ofMillis(5)), "W2", 6);

            assertThat(tally.failed()).isEqualTo(6);
            assertThat(tally.written()).isZero();
            assertThat(calls).hasValue(6 * 3); // one call plus two item retries each (the SDK makes one attempt here)
        }
    }

    @Test
    void aNonRetryableErrorFailsTheItemAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        try (DynamoDbAsyncClient dynamo = client(Emulators.dynamoDbEndpoint(), calls)) {
            WriteTally tally = writeAll(new ItemWriter(dynamo, "NoSuchTable", 5, 4, 3, Duration.ofMillis(5)), "W3", 3);

            assertThat(tally.failed()).isEqualTo(3);
            assertThat(tally.failures()).allSatisfy(f -> assertThat(f).contains("ResourceNotFoundException"));
            assertThat(calls).hasValue(3);
        }
    }

    private static WriteTally writeAll(ItemWriter writer, String store, int count) {
        for (int i = 0; i < count; i++) {
            writer.write(new InventoryItem(store, "SKU-" + i, "Item " + i, i % 20, MONDAY, OptionalInt.empty(),
                    "s3://b/" + store + "/f.csv"));
        }
        return writer.finish();
    }

    private static DynamoDbAsyncClient client(URI endpoint, AtomicInteger calls) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(Emulators.REGION))
                .credentialsProvider(Emulators.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(Context.BeforeExecution context,
                                    ExecutionAttributes attributes) {
                                calls.incrementAndGet();
                            }
                        }))
                .build();
    }
}
