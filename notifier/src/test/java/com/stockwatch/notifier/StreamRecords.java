package com.stockwatch.notifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;

/** Stream records as the Lambda events library holds them, built in memory for service tests and the benchmark. */
final class StreamRecords {

    static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

    private StreamRecords() {
    }

    /** MODIFY records of {@code count} items spread round-robin over {@code stores} stores, all from -> to. */
    static List<DynamodbStreamRecord> records(int count, int stores, long from, long to, int run) {
        List<DynamodbStreamRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(modify(run, i, String.format("store-%03d", i % stores), String.format("SKU-%06d", i), from,
                    to));
        }
        return records;
    }

    /** One MODIFY record; event id and sequence number derive from {@code run} and {@code position}. */
    static DynamodbStreamRecord modify(int run, int position, String store, String item, long from, long to) {
        StreamRecord stream = new StreamRecord()
                .withKeys(Map.of("store_id", s(store), "item_id", s(item)))
                .withSequenceNumber(sequenceNumber(run, position))
                .withApproximateCreationDateTime(Date.from(T))
                .withSizeBytes(300L)
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        stream.setOldImage(image(store, item, from, T.minusSeconds(3600)));
        stream.setNewImage(image(store, item, to, T.plusSeconds(run)));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(UUID.nameUUIDFromBytes((run + "/" + position).getBytes()).toString());
        record.setEventName("MODIFY");
        record.setDynamodb(stream);
        return record;
    }

    static String sequenceNumber(int run, int position) {
        return Long.toString(1_000_000_000L * (run + 1) + position);
    }

    private static Map<String, AttributeValue> image(String store, String item, long level, Instant time) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("store_id", s(store));
        image.put("item_id", s(item));
        image.put("item_name", s("Stainless steel thermos 0.5 l, " + item));
        image.put("inventory_level", new AttributeValue().withN(Long.toString(level)));
        image.put("last_updated", s(time.toString()));
        image.put("source", s("s3://uploads/" + store + "/stock.csv"));
        return image;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}
