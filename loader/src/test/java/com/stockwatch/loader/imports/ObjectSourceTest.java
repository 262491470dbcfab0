package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** A broken S3 connection is resumed from where it broke, and never passes for a shorter file (against S3Mock). */
class ObjectSourceTest {

    private static final String KEY = "0301/long stock.csv";
    private static final byte[] CONTENT = ("item_id,inventory_level\n" + "SKU-1,1\n".repeat(5000))
            .getBytes(StandardCharsets.UTF_8);

    static S3Client s3;

    @BeforeAll
    static void upload() {
        s3 = Emulators.s3Client();
        S3Resource.createBucket(s3, S3Resource.BUCKET);
        s3.putObject(b -> b.bucket(S3Resource.BUCKET).key(KEY), RequestBody.fromBytes(CONTENT));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void aConnectionThatEndsEarlyIsResumedWithARangedGet() throws Exception {
        var stream = new ObjectSource.ObjectStream(s3, request(), brokenAfter(1000, CONTENT.length));

        assertThat(stream.readAllBytes()).isEqualTo(CONTENT);
        assertThat(stream.position()).isEqualTo(CONTENT.length);
    }

    @Test
    void anObjectShorterThanAnnouncedFailsInsteadOfLookingComplete() {
        var stream = new ObjectSource.ObjectStream(s3, request(), brokenAfter(1000, CONTENT.length + 500));

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(Exception.class);
    }

    @Test
    void aWholeObjectOpensWithItsETag() throws Exception {
        var source = new ObjectSource(s3);
        try (var opened = source.open(new S3ObjectRef(S3Resource.BUCKET, KEY, java.time.Instant.EPOCH,
                java.util.Optional.empty()), java.util.Optional.empty())) {
            assertThat(opened.eTag()).isPresent();
            assertThat(opened.bytes().readAllBytes()).isEqualTo(CONTENT);
        }
    }

    private static GetObjectRequest request() {
        return GetObjectRequest.builder().bucket(S3Resource.BUCKET).key(KEY).build();
    }

    private static ResponseInputStream<GetObjectResponse> brokenAfter(int bytes, long announced) {
        return new ResponseInputStream<>(GetObjectResponse.builder().contentLength(announced).build(),
                AbortableInputStream.create(new ByteArrayInputStream(Arrays.copyOf(CONTENT, bytes))));
    }
}
