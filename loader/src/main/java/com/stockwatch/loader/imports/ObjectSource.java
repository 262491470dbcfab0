package com.stockwatch.loader.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Opens an object as a stream: never buffered whole, never copied to disk. The second pass reads slowly (at the pace
 * of the writes), for minutes on a large file, and a server may drop such a connection; the stream then resumes with a
 * ranged GET of the same version from the byte where it broke (as often as each new connection makes progress), and
 * fails, never returning a shorter file, after five reconnections in a row that deliver nothing.
 */
@ApplicationScoped
public class ObjectSource {

    /** Reconnections in a row that deliver no byte before the read fails. */
    static final int MAX_RESUMES_WITHOUT_PROGRESS = 5;

    private static final Logger LOG = Logger.getLogger(ObjectSource.class);

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
        GetObjectRequest first = request.build();
        ResponseInputStream<GetObjectResponse> stream = s3.getObject(first);
        Optional<String> version = Optional.ofNullable(stream.response().eTag());
        GetObjectRequest resume = version.map(tag -> first.toBuilder().ifMatch(tag).build()).orElse(first);
        return new Opened(new ObjectStream(s3, resume, stream), version);
    }

    /** An open object and its ETag. Closing aborts the connection if the object was not read to the end. */
    public record Opened(ObjectStream bytes, Optional<String> eTag) implements AutoCloseable {

        @Override
        public void close() {
            bytes.close();
        }
    }

    /** The object's bytes ended early and could not be resumed: the read must be retried, never taken as the file. */
    public static final class TruncatedObjectException extends IOException {
        TruncatedObjectException(long read, long expected, Throwable cause) {
            super("the object ended after " + read + " of " + expected + " bytes", cause);
        }
    }

    /** The bytes of one object version, resumed by ranged GETs after a broken connection. */
    public static final class ObjectStream extends InputStream {

        private final S3Client s3;
        private final GetObjectRequest request;
        private final long length;
        private ResponseInputStream<GetObjectResponse> current;
        private long position;
        private long resumedAt = -1;
        private int resumesWithoutProgress;

        ObjectStream(S3Client s3, GetObjectRequest request, ResponseInputStream<GetObjectResponse> first) {
            this.s3 = s3;
            this.request = request;
            this.current = first;
            Long contentLength = first.response().contentLength();
            this.length = contentLength == null ? -1 : contentLength;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            while (true) {
                IOException broken = null;
                try {
                    int n = current.read(buffer, offset, count);
                    if (n > 0) {
                        position += n;
                        return n;
                    }
                    if (n < 0 && (length < 0 || position >= length)) {
                        return -1;
                    }
                } catch (IOException e) {
                    broken = e;
                }
                resume(broken);
            }
        }

        private void resume(IOException cause) throws IOException {
            resumesWithoutProgress = position == resumedAt ? resumesWithoutProgress + 1 : 1;
            resumedAt = position;
            if (length < 0 || resumesWithoutProgress > MAX_RESUMES_WITHOUT_PROGRESS) {
                throw new TruncatedObjectException(position, length, cause);
            }
            LOG.infof("Connection to s3://%s/%s broke after %d of %d bytes (%s); resuming", request.bucket(),
                    request.key(), position, length, cause == null ? "early end" : cause.toString());
            current.abort();
            current = s3.getObject(request.toBuilder().range("bytes=" + position + "-").build());
        }

        /** Size of the object in bytes (-1 when the server did not say). */
        public long length() {
            return length;
        }

        /** Bytes delivered so far. */
        public long position() {
            return position;
        }

        @Override
        public void close() {
            if (length < 0 || position < length) {
                current.abort();
            }
            try {
                current.close();
            } catch (IOException e) {
                current.abort();
            }
        }
    }
}
