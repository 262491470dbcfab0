package com.stockwatch.localstack;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Builds the DynamoDB Streams event as Lambda's event source mapping delivers it, and reads its partial response. */
final class StreamEvents {

    private StreamEvents() {
    }

    static String event(List<Record> records, String region, String streamArn) {
        ObjectNode event = Json.object();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode node = array.addObject();
            node.put("eventID", record.eventID());
            node.put("eventName", record.eventNameAsString());
            node.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
            node.put("eventSource", "aws:dynamodb");
            node.put("awsRegion", region);
            StreamRecord stream = record.dynamodb();
            ObjectNode dynamodb = node.putObject("dynamodb");
            if (stream.approximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
            }
            putImage(dynamodb, "Keys", stream.keys(), stream.hasKeys());
            putImage(dynamodb, "NewImage", stream.newImage(), stream.hasNewImage());
            putImage(dynamodb, "OldImage", stream.oldImage(), stream.hasOldImage());
            dynamodb.put("SequenceNumber", stream.sequenceNumber());
            if (stream.sizeBytes() != null) {
                dynamodb.put("SizeBytes", stream.sizeBytes());
            }
            dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
            node.put("eventSourceARN", streamArn);
        }
        return Json.write(event);
    }

    /**
     * The sequence numbers the function reported in {@code batchItemFailures}; {@code null} means the whole batch
     * failed (an identifier that is null, empty or not in the batch, as Lambda treats it).
     */
    static List<String> failures(String response, List<Record> batch) {
        JsonNode root = Json.read(response);
        JsonNode failures = root == null ? null : root.get("batchItemFailures");
        if (failures == null || failures.isNull() || !failures.isArray()) {
            return List.of();
        }
        List<String> inBatch = batch.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || id.isNull() || id.asText().isEmpty() || !inBatch.contains(id.asText())) {
                return null;
            }
            result.add(id.asText());
        }
        return result;
    }

    static void putImage(ObjectNode parent, String name, Map<String, AttributeValue> image, boolean present) {
        if (!present) {
            return;
        }
        ObjectNode node = parent.putObject(name);
        image.forEach((key, value) -> node.set(key, attribute(value)));
    }

    /** An attribute value in DynamoDB's JSON ({@code {"S": "x"}}, {@code {"N": "1"}}, ...). */
    static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> node.withArray("BS").add(base64(b)));
            case L -> value.l().forEach(v -> node.withArray("L").add(attribute(v)));
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((k, v) -> map.set(k, attribute(v)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
