package com.stockwatch.loader.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.InventoryItem;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes the items of one file concurrently, at most {@code parallelism} in flight: {@link #write} blocks the reading
 * thread while all permits are taken, so memory stays bounded however long the file is. Retryable failures
 * (throttling, 5xx, connection errors) that outlast the SDK's own retries are retried here with exponential backoff
 * and jitter; what still fails is counted as failed.
 */
public final class ItemWriter {

    private static final Logger LOG = Logger.getLogger(ItemWriter.class);
    private static final int KEPT_FAILURES = 10;

    private final DynamoDbAsyncClient dynamo;
    private final String table;
    private final int defaultThreshold;
    private final int parallelism;
    private final int retries;
    private final Duration baseDelay;
    private final Semaphore permits;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    public ItemWriter(DynamoDbAsyncClient dynamo, String table, int defaultThreshold, int parallelism, int retries,
            Duration baseDelay) {
        this.dynamo = dynamo;
        this.table = table;
        this.defaultThreshold = defaultThreshold;
        this.parallelism = parallelism;
        this.retries = retries;
        this.baseDelay = baseDelay;
        this.permits = new Semaphore(parallelism);
    }

    /** Starts the conditional write of {@code item}; waits first while {@code parallelism} writes are in flight. */
    public void write(InventoryItem item) {
        acquire(1);
        try {
            attempt(ItemWrites.putRequest(table, item, defaultThreshold), 0);
        } catch (RuntimeException e) {
            count(WriteOutcome.FAILED, e);
            permits.release();
        }
    }

    /** Waits until every write started has finished, and returns the counts. */
    public WriteTally finish() {
        acquire(parallelism);
        permits.release(parallelism);
        return new WriteTally(written.get(), unchanged.get(), stale.get(), failed.get(), List.copyOf(failures));
    }

    private void attempt(PutItemRequest request, int retry) {
        dynamo.putItem(request).whenComplete((response, error) -> {
            if (error == null) {
                count(ItemWrites.accepted(request, response.hasAttributes() ? response.attributes() : null), null);
                permits.release();
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ConditionalCheckFailedException refused) {
                count(ItemWrites.refusal(request, refused.hasItem() ? refused.item() : null), null);
                permits.release();
            } else if (retryable(cause) && retry < retries) {
                long delay = backoff(retry);
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                        .execute(() -> retry(request, retry + 1));
            } else {
                count(WriteOutcome.FAILED, cause);
                permits.release();
            }
        });
    }

    private void retry(PutItemRequest request, int retry) {
        try {
            attempt(request, retry);
        } catch (RuntimeException e) {
            count(WriteOutcome.FAILED, e);
            permits.release();
        }
    }

    private long backoff(int retry) {
        long ceiling = baseDelay.toMillis() << Math.min(retry, 10);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    static boolean retryable(Throwable error) {
        if (error instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return error instanceof SdkClientException;
    }

    private void count(WriteOutcome outcome, Throwable error) {
        switch (outcome) {
            case WRITTEN -> written.incrementAndGet();
            case UNCHANGED -> unchanged.incrementAndGet();
            case STALE -> stale.incrementAndGet();
            case FAILED -> {
                long n = failed.incrementAndGet();
                if (n <= KEPT_FAILURES) {
                    String message = error == null ? "unknown error" : error.toString();
                    failures.add(message);
                    LOG.warnf("Item write failed after retries: %s", message);
                }
            }
        }
    }

    private void acquire(int count) {
        try {
            permits.acquire(count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for item writes", e);
        }
    }

    /** For tests: failure messages kept so far. */
    List<String> failures() {
        return new ArrayList<>(failures);
    }
}
