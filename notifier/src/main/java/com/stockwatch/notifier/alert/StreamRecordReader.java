package com.stockwatch.notifier.alert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.stockwatch.inventory.InventoryTable;

/** Reads the stock change out of a DynamoDB stream record of table {@code Inventory}. */
public final class StreamRecordReader {

    private StreamRecordReader() {
    }

    /**
     * The change an INSERT or MODIFY record carries; empty for REMOVE (and any other event name), which raise no
     * alert.
     *
     * @throws MalformedRecordException when a key, the level or an image is missing or malformed
     */
    public static Optional<StockChange> read(DynamodbStreamRecord record) {
        String eventName = record.getEventName();
        boolean insert = "INSERT".equals(eventName);
        if (!insert && !"MODIFY".equals(eventName)) {
            return Optional.empty();
        }
        StreamRecord stream = record.getDynamodb();
        if (stream == null) {
            throw new MalformedRecordException("record has no dynamodb section");
        }
        if (record.getEventID() == null || record.getEventID().isBlank()) {
            throw new MalformedRecordException("record has no eventID");
        }
        Map<String, AttributeValue> newImage = stream.getNewImage();
        if (newImage == null) {
            throw new MalformedRecordException("record has no NewImage (the stream must be NEW_AND_OLD_IMAGES)");
        }
        Map<String, AttributeValue> oldImage = stream.getOldImage();
        if (!insert && oldImage == null) {
            throw new MalformedRecordException("MODIFY record has no OldImage (the stream must be NEW_AND_OLD_IMAGES)");
        }
        String storeId = key(stream, newImage, InventoryTable.STORE_ID);
        String itemId = key(stream, newImage, InventoryTable.ITEM_ID);
        String itemName = string(newImage, InventoryTable.ITEM_NAME).filter(s -> !s.isBlank()).orElse(itemId);
        long newLevel = level(newImage, "NewImage");
        OptionalLong oldLevel = insert ? OptionalLong.empty() : OptionalLong.of(level(oldImage, "OldImage"));
        OptionalInt threshold = threshold(newImage);
        return Optional.of(new StockChange(record.getEventID(), stream.getSequenceNumber(), storeId, itemId, itemName,
                oldLevel, newLevel, threshold, occurredAt(newImage, stream)));
    }

    /** The keys of a record for log lines, as far as they can be read. */
    public static String describeKeys(DynamodbStreamRecord record) {
        StreamRecord stream = record.getDynamodb();
        Map<String, AttributeValue> keys = stream == null ? null : stream.getKeys();
        StringBuilder text = new StringBuilder("eventID=").append(record.getEventID())
                .append(" eventName=").append(record.getEventName());
        if (stream != null) {
            text.append(" sequenceNumber=").append(stream.getSequenceNumber());
        }
        text.append(" keys={");
        if (keys != null) {
            keys.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append(entry.getKey())
                    .append('=').append(describe(entry.getValue())).append(';'));
        }
        return text.append('}').toString();
    }

    private static String describe(AttributeValue value) {
        if (value == null) {
            return "null";
        }
        if (value.getS() != null) {
            return value.getS();
        }
        return value.getN() != null ? value.getN() : value.toString();
    }

    private static String key(StreamRecord stream, Map<String, AttributeValue> newImage, String name) {
        Map<String, AttributeValue> keys = stream.getKeys();
        Optional<String> value = keys == null ? Optional.empty() : string(keys, name);
        return value.or(() -> string(newImage, name)).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new MalformedRecordException("key " + name + " is missing or not a string"));
    }

    private static Optional<String> string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.getS());
    }

    private static long level(Map<String, AttributeValue> image, String imageName) {
        AttributeValue value = image.get(InventoryTable.INVENTORY_LEVEL);
        if (value == null || value.getN() == null) {
            throw new MalformedRecordException(
                    imageName + "." + InventoryTable.INVENTORY_LEVEL + " is missing or not a number");
        }
        try {
            long level = Long.parseLong(value.getN().trim());
            if (level < 0) {
                throw new MalformedRecordException(
                        imageName + "." + InventoryTable.INVENTORY_LEVEL + " is negative: " + value.getN());
            }
            return level;
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(
                    imageName + "." + InventoryTable.INVENTORY_LEVEL + " is not a whole number: " + value.getN());
        }
    }

    private static OptionalInt threshold(Map<String, AttributeValue> image) {
        AttributeValue value = image.get(InventoryTable.LOW_STOCK_THRESHOLD);
        if (value == null || value.getN() == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.getN().trim()));
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(
                    "NewImage." + InventoryTable.LOW_STOCK_THRESHOLD + " is not a whole number: " + value.getN());
        }
    }

    private static Instant occurredAt(Map<String, AttributeValue> newImage, StreamRecord stream) {
        Optional<String> lastUpdated = string(newImage, InventoryTable.LAST_UPDATED);
        if (lastUpdated.isPresent()) {
            try {
                return Instant.parse(lastUpdated.get());
            } catch (DateTimeParseException e) {
                // fall back to the record's time below
            }
        }
        Date created = stream.getApproximateCreationDateTime();
        if (created == null) {
            throw new MalformedRecordException("record has neither last_updated nor ApproximateCreationDateTime");
        }
        return created.toInstant();
    }
}
