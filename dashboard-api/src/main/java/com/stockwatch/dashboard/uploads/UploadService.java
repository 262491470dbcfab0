package com.stockwatch.dashboard.uploads;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** Presigns direct browser uploads into the loader's bucket, under the store's prefix. */
@ApplicationScoped
public class UploadService {

    private final S3Presigner presigner;
    private final DashboardConfig config;
    private final UploadPolicy policy;

    public UploadService(S3Presigner presigner, DashboardConfig config) {
        this.presigner = presigner;
        this.config = config;
        this.policy = new UploadPolicy(config.uploadExtensions(), config.maxUploadBytes());
    }

    public UploadPolicy policy() {
        return policy;
    }

    /** A presigned PUT for {@code fileName} of {@code size} bytes; the signature covers the length. */
    public UploadTicket presign(String store, String fileName, Long size) {
        String key = policy.objectKey(store, fileName, size, Instant.now());
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p
                .signatureDuration(config.presignExpiry())
                .putObjectRequest(o -> o.bucket(config.uploadBucket()).key(key).contentLength(size)));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : presigned.signedHeaders().entrySet()) {
            String name = header.getKey();
            // The browser sets Host and Content-Length itself and refuses to set them from script.
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        return new UploadTicket("PUT", presigned.url().toString(), headers, config.uploadBucket(), key,
                presigned.expiration());
    }
}
