package com.stockwatch.loader.imports;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Opens an object as a stream (never buffered whole, never copied to disk). */
@ApplicationScoped
public class ObjectSource {

    private final S3Client s3;

    public ObjectSource(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Opens the object; with {@code eTag}, only if it is still that version (the second pass reads exactly what the
     * first pass checked).
     */
    public Opened open(S3ObjectRef object, Optional<String> eTag) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        object.versionId().ifPresent(request::versionId);
        eTag.ifPresent(request::ifMatch);
        ResponseInputStream<GetObjectResponse> stream = s3.getObject(request.build());
        return new Opened(stream, Optional.ofNullable(stream.response().eTag()));
    }

    /** An open object and its ETag. Closing aborts the connection if the stream was not read to the end. */
    public record Opened(ResponseInputStream<GetObjectResponse> stream, Optional<String> eTag)
            implements AutoCloseable {

        public InputStream bytes() {
            return stream;
        }

        @Override
        public void close() {
            try {
                if (stream.read() >= 0) {
                    stream.abort();
                }
                stream.close();
            } catch (java.io.IOException e) {
                stream.abort();
            }
        }
    }
}
