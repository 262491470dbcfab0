package com.stockwatch.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * S3Mock for a {@code @QuarkusTest}, with bucket {@value #BUCKET} and the application's {@code inventory.aws.s3-*}
 * settings pointed at it.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "inventory-test";

    @Override
    public Map<String, String> start() {
        try (S3Client s3 = Emulators.s3Client()) {
            createBucket(s3, BUCKET);
        }
        return Map.of(
                "inventory.aws.s3-endpoint", Emulators.s3Endpoint().toString(),
                "inventory.aws.s3-path-style", "true",
                "inventory.aws.region", Emulators.REGION,
                "inventory.aws.access-key-id", Emulators.ACCESS_KEY_ID,
                "inventory.aws.secret-access-key", Emulators.SECRET_ACCESS_KEY);
    }

    @Override
    public void stop() {
        // The emulator is shared by every test class of this JVM and stops with it.
    }

    public static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // Kept from an earlier test class of this JVM.
        }
    }
}
