package com.stockwatch.loader.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Writes the items of one file concurrently: {@link #write} blocks the reading thread while the concurrency limit is
 * reached, so memory stays bounded however long the file is. The limit adapts to the table (additive increase,
 * multiplicative decrease): it starts at {@code parallelism}, is halved when DynamoDB throttles
 * ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException}; at most once per
 * {@link #DECREASE_SPACING}) and grows by one after each window of as many accepted writes as the limit, back up to
 * {@code parallelism}. Throttled items are retried here (the SDK does not retry throttling, see
 * {@code LoaderClients}) with exponential backoff and jitter, up to {@link #THROTTLED_RETRIES} times; other retryable
 * failures (5xx, connection errors) that outlast the SDK's own retries are retried {@code retries} times. What still
 * fails is counted as failed.
 */
public final class ItemWriter {

    private static final Logger LOG = Logger.getLogger(ItemWriter.class);
    private static final int KEPT_FAILURES = 10;
    /** Throttled attempts per item before it counts as failed: at the longest backoff (5 s), over a minute. */
    static final int THROTTLED_RETRIES = 20;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    /** One halving per burst of throttled answers: the writes in flight all see the same overload. */
    static final long DECREASE_SPACING_NANOS = 200_000_000L;
    static final String DECREASE_SPACING = "200 ms";

    private final DynamoDbAsyncClient dynamo;
    private final String table;
    private final int defaultThreshold;
    private final int parallelism;
    private final int retries;
    private final Duration baseDelay;
    private final Object gate = new Object();
    private int inFlight;
    private int limit;
    private int acceptedInWindow;
    private long lastDecrease = System.nanoTime() - DECREASE_SPACING_NANOS;
    private final AtomicLong throttled = new AtomicLong();
    private volatile int lowestLimit;
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
        this.limit = parallelism;
        this.lowestLimit = parallelism;
    }

    /** Starts the conditional write of {@code item}; waits first while {@code parallelism} writes are in flight. */
    public void write(InventoryItem item) {
        acquire();
        try {
            attempt(ItemWrites.putRequest(table, item, defaultThreshold), 0, 0);
        } catch (RuntimeException e) {
            count(WriteOutcome.FAILED, e);
            release(false);
        }
    }

    /** Waits until every write started has finished, and returns the counts. */
    public WriteTally finish() {
        synchronized (gate) {
            while (inFlight > 0) {
                waitOnGate();
            }
        }
        return new WriteTally(written.get(), unchanged.get(), stale.get(), failed.get(), List.copyOf(failures));
    }

    /** The concurrency limit now. */
    public int limit() {
        synchronized (gate) {
            return limit;
        }
    }

    /** The lowest the limit went. */
    public int lowestLimit() {
        return lowestLimit;
    }

    /** Throttled answers received. */
    public long throttled() {
        return throttled.get();
    }

    /** The counts of the writes finished so far, without waiting (for progress updates). */
    public WriteTally tallySoFar() {
        return new WriteTally(written.get(), unchanged.get(), stale.get(), failed.get(), List.of());
    }

    private void attempt(PutItemRequest request, int retry, int throttledRetry) {
        dynamo.putItem(request).whenComplete((response, error) -> {
            if (error == null) {
                count(ItemWrites.accepted(request, response.hasAttributes() ? response.attributes() : null), null);
                release(true);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ConditionalCheckFailedException refused) {
                count(ItemWrites.refusal(request, refused.hasItem() ? refused.item() : null), null);
                release(true);
            } else if (throttling(cause) && throttledRetry < THROTTLED_RETRIES) {
                throttled.incrementAndGet();
                backOff();
                later(backoff(throttledRetry), () -> retry(request, retry, throttledRetry + 1));
            } else if (retryable(cause) && retry < retries) {
                later(backoff(retry), () -> retry(request, retry + 1, throttledRetry));
            } else {
                count(WriteOutcome.FAILED, cause);
                release(false);
            }
        });
    }

    private static void later(long delayMillis, Runnable action) {
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(action);
    }

    private void retry(PutItemRequest request, int retry, int throttledRetry) {
        try {
            attempt(request, retry, throttledRetry);
        } catch (RuntimeException e) {
            count(WriteOutcome.FAILED, e);
            release(false);
        }
    }

    private long backoff(int retry) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, baseDelay.toMillis() << Math.min(retry, 10));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** Multiplicative decrease: halve the limit, once per burst of throttled answers. */
    private void backOff() {
        synchronized (gate) {
            long now = System.nanoTime();
            if (now - lastDecrease >= DECREASE_SPACING_NANOS) {
                lastDecrease = now;
                limit = Math.max(1, limit / 2);
                acceptedInWindow = 0;
                lowestLimit = Math.min(lowestLimit, limit);
                LOG.debugf("DynamoDB throttles: %d writes in flight at most now", limit);
            }
        }
    }

    private void acquire() {
        synchronized (gate) {
            while (inFlight >= limit) {
                waitOnGate();
            }
            inFlight++;
        }
    }

    /** One write ended; an accepted one counts towards the next additive increase. */
    private void release(boolean accepted) {
        synchronized (gate) {
            inFlight--;
            if (accepted && limit < parallelism && ++acceptedInWindow >= limit) {
                limit++;
                acceptedInWindow = 0;
            }
            gate.notifyAll();
        }
    }

    private void waitOnGate() {
        try {
            gate.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for item writes", e);
        }
    }

    /** DynamoDB's answers to too many writes on a partition or table: back off, never a storm of retries. */
    static boolean throttling(Throwable error) {
        return error instanceof AwsServiceException service && service.isThrottlingException();
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

    /** For tests: failure messages kept so far. */
    List<String> failures() {
        return new ArrayList<>(failures);
    }
}
