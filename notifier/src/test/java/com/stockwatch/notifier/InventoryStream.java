package com.stockwatch.notifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the {@code Inventory} table's stream from DynamoDB Local and turns its records into the DynamoDB event JSON
 * Lambda hands a function (field names and shapes as Lambda delivers them: {@code eventID}, {@code eventSourceARN},
 * {@code dynamodb.ApproximateCreationDateTime} in epoch seconds, {@code Keys}/{@code NewImage}/{@code OldImage} in
 * DynamoDB JSON, {@code SequenceNumber}, {@code SizeBytes}, {@code StreamViewType}).
 */
final class InventoryStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final Map<String, String> lastSequenceByShard = new HashMap<>();
    private String streamArn;

    InventoryStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String tableName) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.tableName = tableName;
    }

    /** Every record written since the last call (the first call: since the table was created), in stream order. */
    List<Record> readNew() {
        String arn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (!arn.equals(streamArn)) {
            streamArn = arn;
            lastSequenceByShard.clear();
        }
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String last = lastSequenceByShard.get(shard.shardId());
            String iterator = streams.getShardIterator(b -> {
                b.streamArn(streamArn).shardId(shard.shardId());
                if (last == null) {
                    b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
                }
            }).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                if (page.records().isEmpty()) {
                    break;
                }
                records.addAll(page.records());
                lastSequenceByShard.put(shard.shardId(),
                        page.records().get(page.records().size() - 1).dynamodb().sequenceNumber());
                iterator = page.nextShardIterator();
            }
        }
        records.sort(Comparator.comparing(r -> new BigInteger(r.dynamodb().sequenceNumber())));
        return records;
    }

    /** The Lambda event ({@code {"Records": [...]}}) for {@code records}. */
    String lambdaEvent(List<Record> records) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Record record : records) {
            json.add(lambdaRecord(record));
        }
        try {
            return JSON.writeValueAsString(Map.of("Records", json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String streamArn() {
        return streamArn;
    }

    private Map<String, Object> lambdaRecord(Record record) {
        StreamRecord stream = record.dynamodb();
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        dynamodb.put("Keys", image(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.put("NewImage", image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.put("OldImage", image(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", record.eventVersion());
        json.put("eventSource", record.eventSource());
        json.put("awsRegion", record.awsRegion());
        json.put("dynamodb", dynamodb);
        json.put("eventSourceARN", streamArn);
        return json;
    }

    private static Map<String, Object> image(Map<String, AttributeValue> image) {
        Map<String, Object> json = new LinkedHashMap<>();
        image.forEach((name, value) -> json.put(name, value(value)));
        return json;
    }

    /** DynamoDB JSON of one attribute value ({@code {"S": "..."}}, {@code {"N": "..."}}, ...). */
    private static Map<String, Object> value(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            case B -> Map.of("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case L -> Map.of("L", value.l().stream().map(InventoryStream::value).toList());
            case M -> Map.of("M", image(value.m()));
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        };
    }
}
