package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockwatch.emulators.ChildProcessHandle;
import com.stockwatch.inventory.TableSchemas;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The event source mapping against DynamoDB Local's real stream, with a stand-in for the notifier that reports batch
 * item failures: delivery resumes from the failed record, and a record that always fails is dropped to the
 * on-failure log after the retries without blocking the records behind it.
 */
class StreamEventSourceTest {

    private static ChildProcessHandle dynamoDbLocal;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startDynamoDbLocal(@TempDir Path logs) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path module = root.resolve("emulators/dynamodb");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                module.resolve("target/classes") + File.pathSeparator
                        + Files.readString(module.resolve("target/classpath.txt")).trim(),
                "com.stockwatch.emulators.dynamodb.DynamoDbLocalMain", "--port", "0");
        dynamoDbLocal = ChildProcessHandle.start("dynamodb", command, Map.of(), logs.resolve("dynamodb.log"));
        URI endpoint = URI.create(dynamoDbLocal.ready().get(90, TimeUnit.SECONDS));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        dynamoDbLocal.close();
    }

    @Test
    void failedRecordIsRedeliveredFromItsSequenceNumberAndAPoisonRecordIsDroppedAfterTheRetries() throws Exception {
        String table = "Inventory" + System.nanoTime();
        dynamoDb.createTable(TableSchemas.inventory(table));
        List<List<String>> deliveries = Collections.synchronizedList(new ArrayList<>());
        int[] failuresOfB = { 0 };
        Function<String, CompletableFuture<String>> notifier = event -> {
            JsonNode records = Json.read(event).path("Records");
            List<String> items = new ArrayList<>();
            String failed = null;
            for (JsonNode record : records) {
                String item = record.at("/dynamodb/Keys/item_id/S").asText();
                items.add(item);
                boolean fail = (item.equals("b") && failuresOfB[0]++ < 1) || item.equals("poison");
                if (fail && failed == null) {
                    failed = record.at("/dynamodb/SequenceNumber").asText();
                }
            }
            deliveries.add(items);
            return CompletableFuture.completedFuture(failed == null ? "{\"batchItemFailures\":[]}"
                    : "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + failed + "\"}]}");
        };
        for (String item : List.of("a", "b", "c", "poison", "d")) {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("store_id", AttributeValue.fromS("berlin"),
                    "item_id", AttributeValue.fromS(item), "inventory_level", AttributeValue.fromN("0"))));
        }
        try (StreamEventSource source = new StreamEventSource(streams, dynamoDb, table, "us-east-1", notifier, 100,
                Duration.ofMillis(300), 3, dataDir, dataDir)) {
            source.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (source.deliveredRecords() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(source.deliveredRecords()).isEqualTo(5);
        }
        assertThat(deliveries.get(0)).containsExactly("a", "b", "c", "poison", "d");
        assertThat(deliveries.get(1)).containsExactly("b", "c", "poison", "d");
        // "poison" fails every time: first try from b's retry, then 3 retries, then it is dropped with what follows it.
        assertThat(deliveries.subList(2, deliveries.size())).allSatisfy(d -> assertThat(d).startsWith("poison"));
        assertThat(deliveries).hasSize(2 + 3);
        String dropped = Files.readString(dataDir.resolve("notifier-failed-batches.jsonl"));
        assertThat(dropped).contains("\"batchSize\":2").contains("poison");
        assertThat(Files.readString(dataDir.resolve("stream-checkpoints.properties"))).contains("shard");
    }
}
