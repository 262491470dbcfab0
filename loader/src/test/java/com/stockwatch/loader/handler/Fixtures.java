package com.stockwatch.loader.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.S3Resource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Test fixtures: files under {@code src/test/resources/files/} (uploaded to S3Mock under the same key), S3 events as
 * AWS sends them under {@code events/}, and the expected import records and items under {@code expected/}.
 */
final class Fixtures {

    static final Path RESOURCES = Path.of("src/test/resources");

    private Fixtures() {
    }

    static String event(String name) {
        return read(RESOURCES.resolve("events/" + name + ".json"));
    }

    static String expected(String name) {
        return read(RESOURCES.resolve("expected/" + name + ".json"));
    }

    /** Uploads every file of {@code files/} to the test bucket, keyed by its path below {@code files/}. */
    static void uploadAll(S3Client s3) {
        Path files = RESOURCES.resolve("files");
        try (Stream<Path> paths = Files.walk(files)) {
            paths.filter(Files::isRegularFile).forEach(file -> s3.putObject(
                    b -> b.bucket(S3Resource.BUCKET).key(files.relativize(file).toString().replace('\\', '/')),
                    RequestBody.fromFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's items, each as a plain map (numbers as longs), sorted by item id. */
    static List<Map<String, Object>> items(DynamoDbClient dynamo, String store) {
        return query(dynamo, DynamoDbLocalResource.INVENTORY, InventoryTable.STORE_ID, store).stream()
                .map(Fixtures::plain)
                .toList();
    }

    static List<Map<String, AttributeValue>> query(DynamoDbClient dynamo, String table, String key, String value) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#k = :v")
                        .expressionAttributeNames(Map.of("#k", key))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))))
                .items().stream().toList();
    }

    /** The store's import record of {@code objectKey}, with row errors as the texts staff see. */
    static Map<String, Object> importRecord(DynamoDbClient dynamo, String store, String objectKey) {
        List<Map<String, Object>> records = query(dynamo, DynamoDbLocalResource.IMPORTS, ImportsTable.STORE_ID, store)
                .stream()
                .filter(r -> r.get(ImportsTable.OBJECT_KEY).s().equals(objectKey))
                .map(Fixtures::plain)
                .toList();
        if (records.size() != 1) {
            throw new AssertionError("expected one import record of " + objectKey + " in store " + store + ", found "
                    + records);
        }
        Map<String, Object> record = new LinkedHashMap<>(records.get(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) record.get(ImportsTable.ERRORS);
        record.put(ImportsTable.ERRORS, errors.stream().map(e -> e.get(ImportsTable.ERROR_FIELD).toString().isEmpty()
                ? "Row " + e.get(ImportsTable.ERROR_ROW) + ": " + e.get(ImportsTable.ERROR_REASON)
                : "Row " + e.get(ImportsTable.ERROR_ROW) + ", " + e.get(ImportsTable.ERROR_FIELD) + ": "
                        + e.get(ImportsTable.ERROR_REASON)).toList());
        return record;
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> result = new HashMap<>();
        item.forEach((name, value) -> result.put(name, plain(value)));
        return result;
    }

    private static Object plain(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return Long.parseLong(value.n());
        }
        if (value.hasL()) {
            return value.l().stream().map(Fixtures::plain).toList();
        }
        if (value.hasM()) {
            return plain(value.m());
        }
        return value.toString();
    }

    /** Counts the stream records of table Inventory that concern {@code store}, from the start of the stream. */
    static long streamRecords(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String store) {
        String arn = dynamo.describeTable(b -> b.tableName(DynamoDbLocalResource.INVENTORY)).table().latestStreamArn();
        long count = 0;
        var shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var response = streams.getRecords(b -> b.shardIterator(current));
                if (response.records().isEmpty()) {
                    break;
                }
                count += response.records().stream()
                        .filter(r -> store.equals(r.dynamodb().keys().get(InventoryTable.STORE_ID).s()))
                        .count();
                iterator = response.nextShardIterator();
            }
        }
        return count;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
