package com.stockwatch.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds S3 event notifications exactly as S3 delivers them to Lambda (event structure version 2.1). */
final class S3Events {

    private S3Events() {
    }

    /** One {@code ObjectCreated:Put} record in an event of its own, as S3 invokes Lambda per object. */
    static String objectCreated(String region, String bucket, String key, long size, String eTag, Instant time,
            long sequence) {
        ObjectNode record = Json.object();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "AWS:LOCALSTACKUSER");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        response.put("x-amz-request-id", requestId);
        response.put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "loader-object-created");
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "LOCALSTACKOWNER");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", stripQuotes(eTag));
        object.put("sequencer", String.format("%018X", sequence));
        ObjectNode event = Json.object();
        event.putArray("Records").add(record);
        return Json.write(event);
    }

    /** S3's key encoding in notifications: form URL encoding ({@code +} for a space), slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String stripQuotes(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
