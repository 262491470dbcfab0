package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.emulators.proxy.ThrottlingProxy;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.loader.aws.LoaderClients;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Imports split over several invocations by a short deadline, against DynamoDB Local and S3Mock. Lambda itself has no
 * emulator here: an invocation is a call of {@link LoaderService#importAll} with its own {@link Deadline}, and the
 * continuations the service hands over (to Lambda's asynchronous invoke in production) are collected and run as the
 * next invocations.
 */
class ResumableImportTest {

    private static final String INVENTORY = "ResumeInventory";
    private static final String IMPORTS = "ResumeImports";
    private static final TableNames TABLES = TestLoaderConfig.tables(INVENTORY, IMPORTS);
    private static final Instant FILE_TIME = Instant.parse("2026-11-26T06:00:00Z");
    private static final int ROWS = 300;

    static DynamoDbClient admin;
    static DynamoDbAsyncClient dynamo;
    static S3Client s3;

    @BeforeAll
    static void start() {
        admin = Emulators.dynamoDbClient();
        s3 = Emulators.s3Client();
        dynamo = DynamoDbAsyncClient.builder().endpointOverride(Emulators.dynamoDbEndpoint())
                .region(Region.of(Emulators.REGION)).credentialsProvider(Emulators.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(20)).build();
        for (var table : List.of(TableSchemas.inventory(INVENTORY), TableSchemas.imports(IMPORTS))) {
            try {
                admin.deleteTable(b -> b.tableName(table.tableName()));
            } catch (ResourceNotFoundException absent) {
                // first run in this JVM
            }
            admin.createTable(table.toBuilder().streamSpecification(b -> b.streamEnabled(true)
                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
        }
        S3Resource.createBucket(s3, S3Resource.BUCKET);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        admin.close();
        s3.close();
    }

    /** 300 rows; item 7 is listed again in row 250 (last row wins), row 100 has a bad level. */
    private static String file() {
        StringBuilder csv = new StringBuilder("item_id,item_name,inventory_level\n");
        for (int row = 2; row <= ROWS + 1; row++) {
            if (row == 100) {
                csv.append("BAD-1,Broken,12abc\n");
            } else if (row == 250) {
                csv.append("SKU-7,Item seven again,77\n");
            } else {
                csv.append("SKU-%d,\"Item %d, the \"\"best\"\"\",%d\n".formatted(row, row, row % 40));
            }
        }
        return csv.toString();
    }

    private static S3ObjectRef upload(String store) {
        String key = store + "/stock.csv";
        s3.putObject(b -> b.bucket(S3Resource.BUCKET).key(key), RequestBody.fromString(file(), StandardCharsets.UTF_8));
        return new S3ObjectRef(S3Resource.BUCKET, key, FILE_TIME, Optional.empty());
    }

    private static LoaderService loader(Deque<S3ObjectRef> continuations, TestLoaderConfig config) {
        return new LoaderService(new ObjectSource(s3), dynamo,
                new ImportRecords(dynamo, TABLES, TestLoaderConfig.RETENTION), TABLES, () -> 5,
                config, continuations::add, Clock.systemUTC());
    }

    private static TestLoaderConfig shortDeadlines() {
        return TestLoaderConfig.defaults().withParallelism(8).withDeadline(Duration.ofMillis(100), Duration.ZERO);
    }

    /** A deadline that has a minute left for {@code rows} row boundaries, then less than any margin. */
    private static Deadline rowBudget(int rows) {
        AtomicInteger left = new AtomicInteger(rows);
        return () -> left.getAndDecrement() > 0 ? 60_000 : 0;
    }

    @Test
    void aShortDeadlineSplitsTheFileIntoContinuationsThatStoreEveryRowAsInTheFileWithOneFinalRecord() {
        Deque<S3ObjectRef> continuations = new ArrayDeque<>();
        ImportResult oneGo = loader(continuations, shortDeadlines()).importAll(List.of(upload("ONEGO"))).get(0);
        assertThat(continuations).isEmpty();

        LoaderService loader = loader(continuations, shortDeadlines());
        continuations.add(upload("SPLIT"));
        List<ImportResult> invocations = new ArrayList<>();
        while (!continuations.isEmpty()) {
            invocations.addAll(loader.importAll(List.of(continuations.poll()), rowBudget(70)));
        }

        assertThat(invocations).hasSizeGreaterThanOrEqualTo(5);
        assertThat(invocations.subList(0, invocations.size() - 1)).allMatch(r -> r.status() == ImportStatus.RUNNING);
        ImportResult last = invocations.get(invocations.size() - 1);
        assertThat(last.status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(counts(last)).isEqualTo(counts(oneGo));
        assertThat(last.errors()).isEqualTo(oneGo.errors());
        assertThat(last.warnings()).isEqualTo(oneGo.warnings());
        assertThat(items("SPLIT")).isEqualTo(items("ONEGO")).hasSize(ROWS - 2);
        Map<String, AttributeValue> record = record("SPLIT");
        assertThat(record.get(ImportsTable.STATUS).s()).isEqualTo("PARTIAL");
        assertThat(record.get(ImportsTable.ROWS_TOTAL).n()).isEqualTo(Integer.toString(ROWS));
        assertThat(record).doesNotContainKey(ImportsTable.CHECKPOINT);

        // A replayed continuation (or S3 event) after the end changes nothing.
        List<ImportResult> replay = loader.importAll(List.of(upload("SPLIT")), rowBudget(70));
        assertThat(replay).isEmpty();
        assertThat(continuations).isEmpty();
        assertThat(record("SPLIT")).isEqualTo(record);
    }

    @Test
    void everyRecordWriteCarriesTheExpiryOfTheConfiguredRetention() {
        Deque<S3ObjectRef> continuations = new ArrayDeque<>();
        LoaderService loader = new LoaderService(new ObjectSource(s3), dynamo,
                new ImportRecords(dynamo, TABLES, Duration.ofDays(7)), TABLES, () -> 5, shortDeadlines(),
                continuations::add, Clock.systemUTC());

        loader.importAll(List.of(upload("RETAIN7")), rowBudget(70));
        Map<String, AttributeValue> running = record("RETAIN7");
        while (!continuations.isEmpty()) {
            loader.importAll(List.of(continuations.poll()), rowBudget(70));
        }
        Map<String, AttributeValue> finished = record("RETAIN7");

        assertThat(running.get(ImportsTable.STATUS).s()).isEqualTo("RUNNING");
        assertThat(finished.get(ImportsTable.STATUS).s()).isEqualTo("PARTIAL");
        for (Map<String, AttributeValue> record : List.of(running, finished)) {
            long startedAt = Instant.parse(record.get(ImportsTable.STARTED_AT).s()).getEpochSecond();
            assertThat(Long.parseLong(record.get(ImportsTable.EXPIRES_AT).n()))
                    .isEqualTo(startedAt + Duration.ofDays(7).toSeconds());
        }
    }

    @Test
    void anInvocationFrozenPastItsLeaseIsTakenOverAndChangesNothingWhenItWakesUp() throws Exception {
        Deque<S3ObjectRef> continuations = new ArrayDeque<>();
        loader(continuations, shortDeadlines()).importAll(List.of(upload("REF")));
        LoaderService loader = loader(continuations, shortDeadlines());
        S3ObjectRef object = upload("KILL");

        // First invocation: pauses after 80 rows and hands over.
        loader.importAll(List.of(object), rowBudget(80));
        assertThat(continuations).hasSize(1);
        S3ObjectRef continuation = continuations.poll();

        // The continuation "dies" after 50 more rows: it stops answering (frozen) with a lease of 2 s.
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        Deadline dying = () -> {
            if (checks.incrementAndGet() == 50) {
                frozen.countDown();
                try {
                    wake.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 2_000;
        };
        List<ImportResult> zombie = new ArrayList<>();
        Thread dead = new Thread(() -> zombie.addAll(loader.importAll(List.of(continuation), dying)));
        dead.start();
        assertThat(frozen.await(30, TimeUnit.SECONDS)).isTrue();

        // While its lease runs, a duplicate of the continuation leaves the import alone.
        assertThat(loader.importAll(List.of(continuation), rowBudget(1000))).isEmpty();
        Thread.sleep(2_200);

        // Lambda's retry of the dead invocation: resumes from the checkpoint and ends the import.
        List<ImportResult> retry = loader.importAll(List.of(continuation), rowBudget(1000));
        assertThat(retry).singleElement().extracting(ImportResult::status).isEqualTo(ImportStatus.PARTIAL);
        Map<String, AttributeValue> ended = record("KILL");

        wake.countDown();
        dead.join(30_000);
        assertThat(record("KILL")).isEqualTo(ended);
        assertThat(items("KILL")).isEqualTo(items("REF"));
        assertThat(continuations).isEmpty();
        ImportResult result = retry.get(0);
        assertThat(result.rowsRead()).isEqualTo(ROWS);
        assertThat(result.rowsRejected()).isEqualTo(1);
        assertThat(result.rowsSuperseded()).isEqualTo(1);
        assertThat(result.rowsWritten() + result.rowsUnchanged()).isEqualTo(ROWS - 2);
    }

    @Test
    void aFileWrittenThroughAThrottlingTableStillCompletesWithEveryRow() throws Exception {
        Deque<S3ObjectRef> continuations = new ArrayDeque<>();
        loader(continuations, shortDeadlines()).importAll(List.of(upload("REF2")));
        try (ThrottlingProxy proxy = ThrottlingProxy.start(Emulators.dynamoDbEndpoint(), 60, 4);
                DynamoDbAsyncClient throttled = DynamoDbAsyncClient.builder().endpointOverride(proxy.endpoint())
                        .region(Region.of(Emulators.REGION)).credentialsProvider(Emulators.credentials())
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(40))
                        .overrideConfiguration(o -> o.retryStrategy(LoaderClients.retriesWithoutThrottling(4)))
                        .build()) {
            LoaderService loader = new LoaderService(new ObjectSource(s3), throttled,
                    new ImportRecords(throttled, TABLES, TestLoaderConfig.RETENTION), TABLES, () -> 5,
                    TestLoaderConfig.defaults().withParallelism(32).withDeadline(Duration.ofMillis(100),
                            Duration.ofSeconds(1)), continuations::add, Clock.systemUTC());

            ImportResult result = loader.importAll(List.of(upload("THROTTLED"))).get(0);

            assertThat(proxy.throttled()).isPositive();
            assertThat(result.status()).isEqualTo(ImportStatus.PARTIAL);
            assertThat(result.rowsFailed()).isZero();
            assertThat(result.rowsWritten()).isEqualTo(ROWS - 2);
            assertThat(items("THROTTLED")).isEqualTo(items("REF2"));
        }
    }

    private static List<Long> counts(ImportResult r) {
        return List.of(r.rowsRead(), r.rowsWritten(), r.rowsUnchanged(), r.rowsStale(), r.rowsRejected(),
                r.rowsFailed(), r.rowsSuperseded());
    }

    /** Item id to (name, level, last_updated) of one store. */
    private static Map<String, List<String>> items(String store) {
        Map<String, List<String>> items = new TreeMap<>();
        admin.queryPaginator(b -> b.tableName(INVENTORY).keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store)))).items().forEach(item ->
                items.put(item.get(InventoryTable.ITEM_ID).s(), List.of(item.get(InventoryTable.ITEM_NAME).s(),
                        item.get(InventoryTable.INVENTORY_LEVEL).n(), item.get(InventoryTable.LAST_UPDATED).s())));
        return items;
    }

    private static Map<String, AttributeValue> record(String store) {
        return admin.getItem(b -> b.tableName(IMPORTS).consistentRead(true).key(Map.of(
                ImportsTable.STORE_ID, AttributeValue.fromS(store),
                ImportsTable.IMPORT_ID, AttributeValue.fromS(Timestamps.format(FILE_TIME) + "#" + store + "/stock.csv"))))
                .item();
    }
}
