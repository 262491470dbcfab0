package com.stockwatch.loader.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * The object one S3 event record is about.
 *
 * @param bucket    bucket name
 * @param key       object key, URL-decoded ({@code +} is a space)
 * @param eventTime when the object was written: every item's {@code last_updated}
 * @param versionId the object version, when the bucket is versioned
 */
public record S3ObjectRef(String bucket, String key, Instant eventTime, Optional<String> versionId) {

    public static S3ObjectRef of(S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        return new S3ObjectRef(record.getS3().getBucket().getName(), decodeKey(object.getKey()),
                Instant.ofEpochMilli(record.getEventTime().getMillis()),
                Optional.ofNullable(object.getVersionId()).filter(v -> !v.isEmpty()));
    }

    /** S3 event keys are URL-encoded with {@code +} for spaces. */
    public static String decodeKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    /** The store whose folder holds the object (first key segment), or empty for a file at the bucket root. */
    public Optional<String> folderStore() {
        int slash = key.indexOf('/');
        return slash > 0 ? Optional.of(key.substring(0, slash)) : Optional.empty();
    }

    /** {@code s3://bucket/key}, the items' {@code source}. */
    public String source() {
        return "s3://" + bucket + "/" + key;
    }
}
