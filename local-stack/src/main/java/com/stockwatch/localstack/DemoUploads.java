package com.stockwatch.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.stockwatch.inventory.ImportsTable;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads {@link DemoHistory}'s files into the running stack, oldest first: every store's file of one time, then
 * waits until the loader finished them all (their import records), then the next time. (The loader keeps the newer
 * file per item, so a day uploaded before the previous one was loaded would be refused as older.)
 */
final class DemoUploads {

    /** User metadata the local S3 event source takes as the event time (S3 itself always uses the upload time). */
    static final String FILE_TIME_METADATA = "stockwatch-file-time";
    private static final String BUCKET = "inventory-local";
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> FINISHED = Set.of("LOADED", "PARTIAL", "REJECTED", "FAILED");
    private static final long STEP_TIMEOUT_MS = 300_000;

    private DemoUploads() {
    }

    static void history(List<String> stores, int items, int days, String s3Port, String dynamoPort, String out) {
        List<Instant> times = DemoHistory.times(days, Instant.now());
        List<List<DemoHistory.File>> files = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            files.add(DemoHistory.files(stores.get(i), items, 42L + i, times));
        }
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY));
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .forcePathStyle(true).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials).build();
                DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort)).region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build()) {
            for (int t = 0; t < times.size(); t++) {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < stores.size(); i++) {
                    DemoHistory.File file = files.get(i).get(t);
                    String key = stores.get(i) + "/demo-" + KEY_TIME.format(file.time()) + ".csv";
                    if (out != null) {
                        Path dir = Path.of(out);
                        Files.createDirectories(dir);
                        Files.writeString(dir.resolve(key.replace('/', '-')), file.csv(), StandardCharsets.UTF_8);
                    }
                    s3.putObject(b -> b.bucket(BUCKET).key(key).contentType("text/csv")
                            .metadata(Map.of(FILE_TIME_METADATA, file.time().toString())),
                            RequestBody.fromString(file.csv(), StandardCharsets.UTF_8));
                    keys.add(key);
                }
                waitForImports(dynamoDb, stores, keys);
                System.out.printf("%s: %d stores x %d items loaded (%d of %d)%n", times.get(t), stores.size(), items,
                        t + 1, times.size());
            }
            System.out.printf("%d days of history for %d stores. Item pages chart it; the notifier forecast each item "
                    + "and warned those running out within the horizon (PREDICTED_OUT_OF_STOCK).%n", days,
                    stores.size());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the demo files: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("Demo upload failed (is ./stockwatch local running, on these ports?): "
                    + e.getMessage());
            System.exit(1);
        }
    }

    private static void waitForImports(DynamoDbClient dynamoDb, List<String> stores, List<String> keys) {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        for (int i = 0; i < stores.size(); i++) {
            String store = stores.get(i);
            String key = keys.get(i);
            while (!finished(dynamoDb, store, key)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("s3://" + BUCKET + "/" + key
                            + " was not imported within 5 minutes");
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }
    }

    private static boolean finished(DynamoDbClient dynamoDb, String store, String key) {
        return dynamoDb.queryPaginator(b -> b.tableName(LocalStack.IMPORTS).consistentRead(true)
                .keyConditionExpression("#s = :s")
                .filterExpression("#k = :k")
                .expressionAttributeNames(Map.of("#s", ImportsTable.STORE_ID, "#k", ImportsTable.OBJECT_KEY))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store), ":k", AttributeValue.fromS(key))))
                .items().stream().anyMatch(item -> item.containsKey(ImportsTable.STATUS)
                        && FINISHED.contains(item.get(ImportsTable.STATUS).s()));
    }
}
