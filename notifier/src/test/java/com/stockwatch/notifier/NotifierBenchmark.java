package com.stockwatch.notifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.alert.StreamRecordReader;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Notifier benchmark, not a test (its name keeps it out of the normal test run). Run it with
 * {@code ./mvnw -B -o -pl notifier test -Dtest=NotifierBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it prints
 * a Markdown table. The service runs as on Lambda (sync clients on the URL-connection HTTP client) against DynamoDB
 * Local (child process) for the alert records and the SNS stand-in (in-process WireMock) for publishing.
 */
class NotifierBenchmark {

    @Test
    void run() {
        StringBuilder report = new StringBuilder("\n| scenario | records | batch size | alerts | time (ms) | records/s "
                + "| SNS calls | messages |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");

        // 1. Reading and classifying alone, no I/O.
        AlertClassifier classifier = new AlertClassifier(5, true);
        List<DynamodbStreamRecord> quiet = records(100_000, 20, 40, 30, 0); // 40 -> 30: no boundary crossed
        for (int warm = 0; warm < 3; warm++) {
            classifyAll(classifier, quiet);
        }
        long start = System.nanoTime();
        int alerts = classifyAll(classifier, quiet);
        row(report, "read + classify only (no I/O)", quiet.size(), quiet.size(), alerts, start, -1, -1);

        int concurrency = Integer.getInteger("notifier.benchmark.ledger-concurrency", 16);
        ExecutorService ledgerThreads = Executors.newFixedThreadPool(concurrency);
        try (SnsStandIn standIn = SnsStandIn.start();
                DynamoDbClient dynamoDb = Emulators.dynamoDbClient();
                SnsClient sns = SnsClient.builder().endpointOverride(standIn.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(Emulators.credentials())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            DynamoDbLocalResource.recreateTables(dynamoDb);
            NotifierService service = new NotifierService(classifier,
                    new AlertMessages(Optional.of("https://stock.example.com"), 5),
                    new DigestMessages(Optional.of("https://stock.example.com")),
                    new AlertLedger(dynamoDb, DynamoDbLocalResource.ALERTS, Duration.ofDays(90), ledgerThreads),
                    new SnsPublisher(sns, standIn.topicArn()), 10, Clock.systemUTC());

            service.process(records(200, 20, 10, 0, 99)); // warm-up: clients, connections, JIT
            standIn.reset();

            pipeline(report, service, standIn, "no alerts (40 -> 30)", records(10_000, 20, 40, 30, 1), 100);
            pipeline(report, service, standIn, "1,000 out of stock, 20 stores", records(1_000, 20, 10, 0, 2), 1_000);
            pipeline(report, service, standIn, "1,000 out of stock, 20 stores", records(1_000, 20, 10, 0, 3), 100);
            pipeline(report, service, standIn, "1,000 out of stock, 1 store", records(1_000, 1, 10, 0, 4), 1_000);
            pipeline(report, service, standIn, "1,000 out of stock, 1 store", records(1_000, 1, 10, 0, 5), 100);
            pipeline(report, service, standIn, "200 out of stock, 200 stores (no storm)",
                    records(200, 200, 10, 0, 6), 100);
            pipeline(report, service, standIn, "same 1,000 again (duplicates)", records(1_000, 20, 10, 0, 2), 1_000);
        } finally {
            ledgerThreads.shutdown();
        }
        report.append("\nLedger concurrency: ").append(concurrency).append(" threads.");
        report.append("\nJVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible\n");
        System.out.println(report);
    }

    private static void pipeline(StringBuilder report, NotifierService service, SnsStandIn standIn, String scenario,
            List<DynamodbStreamRecord> records, int batchSize) {
        standIn.reset();
        long start = System.nanoTime();
        int failures = 0;
        for (int i = 0; i < records.size(); i += batchSize) {
            failures += service.process(records.subList(i, Math.min(records.size(), i + batchSize)))
                    .getBatchItemFailures().size();
        }
        if (failures > 0) {
            throw new IllegalStateException(scenario + ": " + failures + " batch failures");
        }
        int alerts = (int) standIn.publishedMessages().stream()
                .mapToLong(m -> m.attribute("item_id").isPresent() ? 1 : Long.parseLong(
                        m.subject().orElse("0 ").split(" ")[0]))
                .sum();
        row(report, scenario, records.size(), batchSize, alerts, start, standIn.calls().size(),
                standIn.publishedMessages().size());
    }

    private static int classifyAll(AlertClassifier classifier, List<DynamodbStreamRecord> records) {
        int alerts = 0;
        for (DynamodbStreamRecord record : records) {
            alerts += StreamRecordReader.read(record).flatMap(classifier::classify).isPresent() ? 1 : 0;
        }
        return alerts;
    }

    private static void row(StringBuilder report, String scenario, int records, int batchSize, int alerts,
            long startNanos, int calls, int messages) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        report.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,.0f | %,.0f | %s | %s |%n", scenario,
                records, batchSize, alerts, ms, records / (ms / 1000), calls < 0 ? "-" : Integer.toString(calls),
                messages < 0 ? "-" : Integer.toString(messages)));
    }

    static List<DynamodbStreamRecord> records(int count, int stores, long from, long to, int run) {
        return StreamRecords.records(count, stores, from, to, run);
    }
}
