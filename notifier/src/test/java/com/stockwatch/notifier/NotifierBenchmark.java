package com.stockwatch.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.metrics.MetricsLogger;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.grouping.StoreWindows;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Notifier benchmark, not a test (its name keeps it out of the normal test run): messages per store for a
 * 300,000-row file with 0.2 %, 2 % and 20 % of its items going to 0. Run it with
 * {@code ./mvnw -B -o -pl notifier -am test -Dtest=NotifierBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it
 * prints a Markdown table. The file's stream records reach the service in batches of 1,000 (the event source
 * mapping's batch size) at the loader's measured pace (about 1,100 rows/s: one batch every 0.9 s of a simulated
 * clock), against DynamoDB Local (alert records, windows) and the SNS stand-in; after the last batch the clock moves
 * past the window and the scheduled flush runs.
 */
class NotifierBenchmark {

    static final int ROWS = 300_000;
    static final int BATCH = 1_000;

    /** Counts DynamoDB writes: PutItem, UpdateItem, and each item of a BatchWriteItem. */
    static final class WriteCounter implements ExecutionInterceptor {
        final AtomicLong writes = new AtomicLong();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            Object request = context.request();
            if (request instanceof PutItemRequest || request instanceof UpdateItemRequest) {
                writes.incrementAndGet();
            } else if (request instanceof BatchWriteItemRequest batch) {
                batch.requestItems().values().forEach(items -> writes.addAndGet(items.size()));
            }
        }
    }

    @Test
    void run() {
        StringBuilder report = new StringBuilder("\n| items at 0 | alerts | pace | single messages | digests | "
                + "SNS calls | DynamoDB writes | writes per alert | wall time (s) |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        WriteCounter counter = new WriteCounter();
        try (SnsStandIn standIn = SnsStandIn.start();
                DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(Emulators.dynamoDbEndpoint())
                        .region(Region.of(Emulators.REGION)).credentialsProvider(Emulators.credentials())
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
                SnsClient sns = SnsClient.builder().endpointOverride(standIn.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(Emulators.credentials())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            DynamoDbLocalResource.recreateTables(dynamoDb);
            int run = 0;
            for (double share : new double[] {0.002, 0.02, 0.2}) {
                scenario(report, ++run, share, Duration.ofMillis(900), dynamoDb, sns, standIn, counter, threads);
            }
            // A slower file (one batch every 2.4 s: 12 minutes) spans three windows.
            scenario(report, ++run, 0.02, Duration.ofMillis(2400), dynamoDb, sns, standIn, counter, threads);
        } finally {
            threads.shutdown();
        }
        System.out.println(report);
    }

    private static void scenario(StringBuilder report, int run, double share, Duration pace, DynamoDbClient dynamoDb,
            SnsClient sns, SnsStandIn standIn, WriteCounter counter, ExecutorService threads) {
        String store = String.format(Locale.ROOT, "bench-%d", run);
        NotifierServiceTest.TestClock clock = new NotifierServiceTest.TestClock();
        clock.now = Instant.parse("2026-11-25T09:00:00Z").plus(Duration.ofDays(run));
        AlertLedger ledger = new AlertLedger(dynamoDb, DynamoDbLocalResource.ALERTS, Duration.ofDays(90), threads);
        SnsPublisher publisher = new SnsPublisher(sns, standIn.topicArn());
        StoreWindows windows = new StoreWindows(dynamoDb, DynamoDbLocalResource.ALERTS, 10, Duration.ofMinutes(5));
        DigestFlusher flusher = new DigestFlusher(dynamoDb, DynamoDbLocalResource.ALERTS, windows, ledger,
                publisher, new DigestMessages(Optional.of("https://stock.example.com")), 20, Duration.ofMinutes(2),
                Duration.ofDays(90), clock, MetricsLogger::discarding);
        NotifierService service = new NotifierService(new AlertClassifier(5, true),
                new AlertMessages(Optional.of("https://stock.example.com"), 5), ledger, windows, flusher, publisher,
                threads, clock, MetricsLogger::discarding);
        standIn.reset();
        counter.writes.set(0);
        int every = (int) Math.round(1 / share);
        long alerts = 0;
        long started = System.nanoTime();
        for (int from = 0; from < ROWS; from += BATCH) {
            List<DynamodbStreamRecord> batch = new ArrayList<>(BATCH);
            for (int i = from; i < from + BATCH; i++) {
                boolean zero = i % every == 0;
                alerts += zero ? 1 : 0;
                batch.add(StreamRecords.modify(run, i, store, String.format("SKU-%06d", i), 20, zero ? 0 : 19));
            }
            if (service.process(batch).isPresent()) {
                throw new IllegalStateException("batch at " + from + " failed");
            }
            clock.advance(pace);
            if (from % (60 * BATCH) == 0) {
                flusher.flushDue(); // the schedule, once a minute
            }
        }
        clock.advance(Duration.ofMinutes(6));
        flusher.flushDue();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<PublishedMessage> messages = standIn.publishedMessages();
        long digests = messages.stream().filter(m -> m.subject().orElse("").contains("more stock alerts")).count();
        report.append(String.format(Locale.ROOT, "| %.1f %% | %,d | %s per 1,000 rows | %d | %d | %d | %,d | %.2f | %.0f |%n",
                share * 100, alerts, pace.toMillis() / 1000.0 + " s", messages.size() - digests, digests,
                standIn.calls().size(), counter.writes.get(), (double) counter.writes.get() / alerts, seconds));
    }
}
