package com.stockwatch.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 event notifications for a server that has none (S3Mock): lists the bucket about every second and, for each
 * object that is new or was overwritten since the last listing, invokes the loader with the {@code ObjectCreated:Put}
 * event AWS would send, each in the background (files uploaded together are loaded side by side). Objects present when the stack starts are taken as already notified. Like S3's asynchronous
 * invoke, a failed invocation is retried twice (after 1 s and 2 s instead of 1 and 2 minutes), then the event goes
 * to {@code logs/loader-failed-events.jsonl}, the stand-in for the loader's on-failure destination.
 */
final class S3EventSource implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String region;
    private final LambdaFunction loader;
    private final Path failedEvents;
    private final Map<String, String> seen = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong delivered = new AtomicLong();
    private final java.util.concurrent.ExecutorService deliveries = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "s3-events-delivery");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3-events");
        t.setDaemon(true);
        return t;
    });

    S3EventSource(S3Client s3, String bucket, String region, LambdaFunction loader, Path logDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = region;
        this.loader = loader;
        this.failedEvents = logDir.resolve("loader-failed-events.jsonl");
    }

    void start() {
        list().forEach(o -> seen.put(o.key(), fingerprint(o)));
        poller.scheduleWithFixedDelay(this::pollSafely, 1, 1, TimeUnit.SECONDS);
    }

    long deliveredEvents() {
        return delivered.get();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            System.err.println("[s3-events] listing " + bucket + " failed: " + e.getMessage());
        }
    }

    private void poll() {
        for (S3Object object : list()) {
            String fingerprint = fingerprint(object);
            if (fingerprint.equals(seen.get(object.key()))) {
                continue;
            }
            seen.put(object.key(), fingerprint);
            String event = S3Events.objectCreated(region, bucket, object.key(), object.size(), object.eTag(),
                    eventTime(object), sequence.incrementAndGet());
            // Asynchronous, as S3 invokes Lambda: several files are loaded at once (by the loader's instances).
            deliveries.execute(() -> deliver(object.key(), event));
        }
    }

    private void deliver(String key, String event) {
        String lastError = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                sleep(attempt * 1000L);
            }
            try {
                loader.invoke(event).join();
                delivered.incrementAndGet();
                System.out.println("[s3-events] s3://" + bucket + "/" + key + " -> loader");
                return;
            } catch (RuntimeException e) {
                lastError = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            }
        }
        System.err.println("[s3-events] loader failed 3 times for s3://" + bucket + "/" + key + "; event kept in "
                + failedEvents + ": " + lastError);
        String line = Json.write(Json.object().put("key", key).put("error", lastError)
                .set("event", Json.read(event))) + "\n";
        try {
            Files.writeString(failedEvents, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[s3-events] cannot write " + failedEvents + ": " + e.getMessage());
        }
    }

    /**
     * The upload time, as S3 sends it; or, for {@code demo-data --days}, the file time its user metadata
     * {@code stockwatch-file-time} names, so a demo can replay days of files (local only: S3 has no such thing).
     */
    private Instant eventTime(S3Object object) {
        Instant uploaded = object.lastModified() == null ? Instant.now() : object.lastModified();
        try {
            String replayed = s3.headObject(b -> b.bucket(bucket).key(object.key())).metadata()
                    .get(DemoUploads.FILE_TIME_METADATA);
            return replayed == null ? uploaded : Instant.parse(replayed);
        } catch (RuntimeException e) {
            return uploaded;
        }
    }

    private Iterable<S3Object> list() {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents();
    }

    private static String fingerprint(S3Object object) {
        return object.eTag() + "|" + object.lastModified() + "|" + object.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        deliveries.shutdownNow();
    }
}
