package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.stockwatch.emulators.proxy.LatencyProxy;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.loader.LoaderConfig;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loader throughput and heap against DynamoDB Local and S3Mock, next to the walk-through's approach (one synchronous
 * PutItem per row) in the same run. Not a test: excluded from {@code verify}; run it as BENCHMARKS.md says.
 * Rows come from generated CSV files uploaded to S3Mock; the loader path is {@link LoaderService#importFile} exactly as
 * the handler calls it (two streamed passes, validation, conditional async writes).
 */
@Tag("benchmark")
class LoaderBenchmark {

    private static final Instant FILE_TIME = Instant.parse("2026-11-25T07:00:00Z");

    @Test
    @Tag("throughput")
    void loaderThroughputAgainstTheWalkThroughBaseline() throws Exception {
        List<Integer> sizes = List.of(System.getProperty("loader.benchmark.rows", "100000,1000000").split(","))
                .stream().map(String::strip).map(Integer::valueOf).toList();
        int baselineRows = Integer.getInteger("loader.benchmark.baseline-rows", 20_000);
        int parallelism = Integer.getInteger("loader.benchmark.parallelism", 64);

        try (DynamoDbClient sync = Emulators.dynamoDbClient(); S3Client s3 = Emulators.s3Client();
                DynamoDbAsyncClient async = asyncClient(parallelism)) {
            DynamoDbLocalResource.recreateTables(sync);
            S3Resource.createBucket(s3, S3Resource.BUCKET);
            LoaderService loader = new LoaderService(new ObjectSource(s3), async,
                    new ImportRecords(async, tables(), TestLoaderConfig.RETENTION), tables(), () -> 5,
                    config(parallelism), object -> {
                    }, Clock.systemUTC());

            List<String> lines = new ArrayList<>();
            lines.add("| rows | approach | rows timed | seconds | rows/s | peak heap (MB) | live heap after GC (MB) |");
            lines.add("|---:|---|---:|---:|---:|---:|---:|");
            for (int rows : sizes) {
                String key = "B" + rows + "/stock-" + rows + ".csv";
                upload(s3, key, rows);

                int timedBaseline = Math.min(rows, baselineRows);
                Measured baseline = measure(() -> baseline(s3, sync, key, timedBaseline));
                lines.add(row(rows, "baseline: 1 sync PutItem per row", timedBaseline, baseline));

                Measured loaded = measure(() -> {
                    ImportResult result = loader.importAll(List.of(new S3ObjectRef(S3Resource.BUCKET, key,
                            FILE_TIME, Optional.empty()))).get(0);
                    assertThat(result.status()).as(result.summary() + " " + result.errors()).isEqualTo(ImportStatus.LOADED);
                    assertThat(result.rowsRead()).isEqualTo(rows);
                    assertThat(result.rowsWritten() + result.rowsUnchanged()).isEqualTo(rows);
                    return rows;
                });
                lines.add(row(rows, "loader (parallelism " + parallelism + ")", rows, loaded));
                lines.add("| | **speed-up** | | | **%.1fx** | | |".formatted(
                        loaded.rowsPerSecond() / baseline.rowsPerSecond()));
                if (Boolean.getBoolean("loader.benchmark.ceiling")) {
                    int ceilingRows = Math.min(rows, 50_000);
                    Measured ceiling = measure(() -> ceiling(async, "CEILING", ceilingRows, parallelism));
                    lines.add(row(rows, "emulator ceiling: bare unconditional PutItem, " + parallelism
                            + " in flight, no file", ceilingRows, ceiling));
                }
            }
            String table = String.join("\n", lines) + "\n";
            Path out = Path.of("target/benchmark/loader.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "JVM: " + System.getProperty("java.version") + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs\n\n" + table);
            System.out.println(table);
        }
    }

    /**
     * Issue 11, benchmark 1: AWS-like latency. {@link LatencyProxy} adds {@code loader.benchmark.latency-ms} (5 ms)
     * each way in front of DynamoDB Local and S3Mock; the loader and the walk-through baseline run through it in the
     * same run.
     */
    @Test
    @Tag("latency")
    void withAwsLikeLatencyTheLoaderAgainstTheBaseline() throws Exception {
        double latency = Double.parseDouble(System.getProperty("loader.benchmark.latency-ms", "5"));
        int rows = Integer.getInteger("loader.benchmark.rows", 20_000);
        int baselineRows = Integer.getInteger("loader.benchmark.baseline-rows", 1_000);
        int parallelism = Integer.getInteger("loader.benchmark.parallelism", 64);
        try (DynamoDbClient admin = Emulators.dynamoDbClient(); S3Client directS3 = Emulators.s3Client();
                LatencyProxy dynamoProxy = LatencyProxy.start(Emulators.dynamoDbEndpoint(), latency);
                LatencyProxy s3Proxy = LatencyProxy.start(Emulators.s3Endpoint(), latency);
                DynamoDbClient sync = DynamoDbClient.builder()
                        .endpointOverride(dynamoProxy.endpoint(Emulators.dynamoDbEndpoint()))
                        .region(Region.of(Emulators.REGION)).credentialsProvider(Emulators.credentials()).build();
                S3Client s3 = S3Client.builder().endpointOverride(s3Proxy.endpoint(Emulators.s3Endpoint()))
                        .forcePathStyle(true).region(Region.of(Emulators.REGION))
                        .credentialsProvider(Emulators.credentials()).build();
                DynamoDbAsyncClient async = asyncClient(parallelism, dynamoProxy.endpoint(
                        Emulators.dynamoDbEndpoint()))) {
            DynamoDbLocalResource.recreateTables(admin);
            S3Resource.createBucket(directS3, S3Resource.BUCKET);
            String key = "L" + rows + "/stock.csv";
            upload(directS3, key, rows);
            try (DynamoDbAsyncClient direct = asyncClient(parallelism)) {
                warmUpEmulator(direct, parallelism);
            }
            List<String> lines = new ArrayList<>(List.of("latency added: %.1f ms each way (round trip +%.0f ms)"
                    .formatted(latency, 2 * latency), "",
                    "| approach | rows timed | seconds | rows/s | peak heap (MB) | live heap after GC (MB) |",
                    "|---|---:|---:|---:|---:|---:|"));
            Measured baseline = measure(() -> baseline(s3, sync, key, baselineRows));
            lines.add(row("baseline: 1 sync PutItem per row", baselineRows, baseline));
            LoaderService loader = new LoaderService(new ObjectSource(s3), async,
                    new ImportRecords(async, tables(), TestLoaderConfig.RETENTION),
                    tables(), () -> 5, config(parallelism), object -> { }, Clock.systemUTC());
            Measured loaded = measure(() -> loadOnce(loader, key, rows));
            lines.add(row("loader (parallelism " + parallelism + ")", rows, loaded));
            lines.add("| **speed-up** | | | **%.1fx** | | |".formatted(loaded.rowsPerSecond() / baseline.rowsPerSecond()));
            write("loader-latency.md", lines);
        }
    }

    /** Issue 11, benchmark 2: no added latency, the loader as a share of what the emulator takes at most. */
    @Test
    @Tag("ceiling")
    void withoutLatencyTheLoaderAsAShareOfTheEmulatorCeiling() throws Exception {
        int rows = Integer.getInteger("loader.benchmark.rows", 50_000);
        int parallelism = Integer.getInteger("loader.benchmark.parallelism", 64);
        try (DynamoDbClient admin = Emulators.dynamoDbClient(); S3Client s3 = Emulators.s3Client();
                DynamoDbAsyncClient async = asyncClient(parallelism)) {
            DynamoDbLocalResource.recreateTables(admin);
            S3Resource.createBucket(s3, S3Resource.BUCKET);
            String key = "C" + rows + "/stock.csv";
            upload(s3, key, rows);
            LoaderService loader = new LoaderService(new ObjectSource(s3), async,
                    new ImportRecords(async, tables(), TestLoaderConfig.RETENTION),
                    tables(), () -> 5, config(parallelism), object -> { }, Clock.systemUTC());
            List<String> lines = new ArrayList<>(List.of(
                    "| approach | rows timed | seconds | rows/s | peak heap (MB) | live heap after GC (MB) |",
                    "|---|---:|---:|---:|---:|---:|"));
            warmUpEmulator(async, parallelism);
            Measured ceiling1 = measure(() -> ceiling(async, "CEILING-1", rows, parallelism));
            lines.add(row("emulator ceiling: bare unconditional PutItem, " + parallelism + " in flight", rows, ceiling1));
            Measured loaded = measure(() -> loadOnce(loader, key, rows));
            lines.add(row("loader (parallelism " + parallelism + ", the whole file)", rows, loaded));
            Measured ceiling2 = measure(() -> ceiling(async, "CEILING-2", rows, parallelism));
            lines.add(row("emulator ceiling again (after the loader)", rows, ceiling2));
            double ceiling = (ceiling1.rowsPerSecond() + ceiling2.rowsPerSecond()) / 2;
            lines.add("| **loader / mean ceiling** | | | **%.0f %%** | | |".formatted(100 * loaded.rowsPerSecond()
                    / ceiling));
            write("loader-ceiling.md", lines);
        }
    }

    /**
     * Issue 11, benchmark 3: a 1,000,000-row single-store file with a 60 s deadline per invocation, completing
     * through continuations; each invocation's heap peak is measured on its own.
     */
    @Test
    @Tag("continuations")
    void aMillionRowFileCompletesThroughContinuationsOfSixtySeconds() throws Exception {
        int rows = Integer.getInteger("loader.benchmark.rows", 1_000_000);
        long deadlineMillis = Long.getLong("loader.benchmark.deadline-ms", 60_000);
        int parallelism = Integer.getInteger("loader.benchmark.parallelism", 64);
        try (DynamoDbClient admin = Emulators.dynamoDbClient(); S3Client s3 = Emulators.s3Client();
                DynamoDbAsyncClient async = asyncClient(parallelism)) {
            DynamoDbLocalResource.recreateTables(admin);
            S3Resource.createBucket(s3, S3Resource.BUCKET);
            String key = "M" + rows + "/stock.csv";
            upload(s3, key, rows);
            java.util.ArrayDeque<S3ObjectRef> continuations = new java.util.ArrayDeque<>();
            LoaderService loader = new LoaderService(new ObjectSource(s3), async,
                    new ImportRecords(async, tables(), TestLoaderConfig.RETENTION),
                    tables(), () -> 5, config(parallelism), continuations::add, Clock.systemUTC());
            continuations.add(new S3ObjectRef(S3Resource.BUCKET, key, FILE_TIME, Optional.empty()));
            List<String> lines = new ArrayList<>(List.of(
                    "deadline per invocation: %d s, margin %s".formatted(deadlineMillis / 1000,
                            config(parallelism).deadlineMargin()), "",
                    "| invocation | status after | rows read so far | seconds | peak heap (MB) | live heap after GC (MB) |",
                    "|---:|---|---:|---:|---:|---:|"));
            int invocation = 0;
            long start = System.nanoTime();
            ImportResult last = null;
            long maxPeak = 0;
            while (!continuations.isEmpty()) {
                S3ObjectRef next = continuations.poll();
                invocation++;
                long ends = System.currentTimeMillis() + deadlineMillis;
                List<ImportResult> results = new ArrayList<>();
                Measured m = measure(() -> {
                    results.addAll(loader.importAll(List.of(next), () -> ends - System.currentTimeMillis()));
                    return results.isEmpty() ? 0 : results.get(0).rowsRead();
                });
                last = results.get(0);
                maxPeak = Math.max(maxPeak, m.peakHeapBytes());
                lines.add(String.format(Locale.US, "| %d | %s | %,d | %.1f | %d | %d |", invocation, last.status(),
                        last.rowsRead(), m.seconds(), m.peakHeapBytes() / (1024 * 1024),
                        m.liveHeapBytes() / (1024 * 1024)));
                System.out.println(lines.get(lines.size() - 1));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(last.status()).isEqualTo(ImportStatus.LOADED);
            assertThat(last.rowsRead()).isEqualTo(rows);
            assertThat(last.rowsWritten() + last.rowsUnchanged()).isEqualTo(rows);
            lines.add("");
            lines.add(String.format(Locale.US, "%,d rows in %d invocations, %.0f s in all (%,.0f rows/s), final %s"
                    + " with %,d written and %,d unchanged; highest heap peak of an invocation %d MB (-Xmx%d MB)",
                    rows, invocation, seconds, rows / seconds, last.status(), last.rowsWritten(), last.rowsUnchanged(),
                    maxPeak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            write("loader-continuations.md", lines);
        }
    }

    private static long loadOnce(LoaderService loader, String key, int rows) {
        ImportResult result = loader.importAll(List.of(new S3ObjectRef(S3Resource.BUCKET, key, FILE_TIME,
                Optional.empty()))).get(0);
        assertThat(result.status()).as(result.summary() + " " + result.errors()).isEqualTo(ImportStatus.LOADED);
        assertThat(result.rowsRead()).isEqualTo(rows);
        return rows;
    }

    private static String row(String approach, long timed, Measured m) {
        return String.format(Locale.US, "| %s | %,d | %.1f | %,.0f | %d | %d |", approach, timed, m.seconds(),
                m.rowsPerSecond(), m.peakHeapBytes() / (1024 * 1024), m.liveHeapBytes() / (1024 * 1024));
    }

    private static void write(String file, List<String> lines) throws IOException {
        String text = "JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
                + Runtime.getRuntime().availableProcessors() + " CPUs\n\n" + String.join("\n", lines) + "\n";
        Path out = Path.of("target/benchmark/" + file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }

    /** The walk-through's approach: read line by line and put each row with a synchronous, unconditional PutItem. */
    private static long baseline(S3Client s3, DynamoDbClient dynamo, String key, int limit) throws IOException {
        long count = 0;
        try (var object = s3.getObject(b -> b.bucket(S3Resource.BUCKET).key(key));
                BufferedReader reader = new BufferedReader(new InputStreamReader(object, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while (count < limit && (line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                InventoryItem item = new InventoryItem("BASELINE", cells[0], cells[1], Long.parseLong(cells[2]),
                        FILE_TIME, OptionalInt.empty(), "s3://" + S3Resource.BUCKET + "/" + key);
                dynamo.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY)
                        .item(InventoryItemAttributes.toAttributes(item, 5)));
                count++;
            }
            object.abort();
        }
        return count;
    }

    /** What DynamoDB Local takes at most here: unconditional puts of ready-made items, no S3, no parsing. */
    /**
     * DynamoDB Local runs in a JVM of its own: its first tens of thousands of writes run before its JIT has compiled
     * them, so every measured approach comes after this untimed round (into a store of its own).
     */
    private static void warmUpEmulator(DynamoDbAsyncClient dynamo, int parallelism) throws InterruptedException {
        ceiling(dynamo, "WARM-UP", Integer.getInteger("loader.benchmark.warm-up-rows", 30_000), parallelism);
    }

    /** Inserts {@code rows} new items into {@code store}: bare unconditional PutItem calls, nothing else. */
    private static long ceiling(DynamoDbAsyncClient dynamo, String store, int rows, int parallelism)
            throws InterruptedException {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(parallelism);
        for (int i = 0; i < rows; i++) {
            InventoryItem item = new InventoryItem(store, "SKU-" + i, "Item " + i, i % 500, FILE_TIME,
                    OptionalInt.empty(), "s3://b/k");
            permits.acquire();
            dynamo.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY)
                    .item(InventoryItemAttributes.toAttributes(item, 5))).whenComplete((r, e) -> permits.release());
        }
        permits.acquire(parallelism);
        permits.release(parallelism);
        return rows;
    }

    private static void upload(S3Client s3, String key, int rows) throws IOException {
        Path file = Files.createTempFile("loader-benchmark", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write("item_id,item_name,inventory_level,low_stock_threshold\n");
                for (int i = 0; i < rows; i++) {
                    out.write("SKU-%08d,Item number %d,%d,%s\n".formatted(i, i, (i * 7) % 500,
                            i % 3 == 0 ? "10" : ""));
                }
            }
            s3.putObject(b -> b.bucket(S3Resource.BUCKET).key(key), RequestBody.fromFile(file));
        } finally {
            Files.delete(file);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    interface Run {
        long rows() throws Exception;
    }

    record Measured(long rows, double seconds, long peakHeapBytes, long liveHeapBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** Runs {@code run}, with heap pool peaks reset before and a sampler of the heap left after each GC. */
    private static Measured measure(Run run) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong live = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                long afterGc = heap.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0
                        : p.getCollectionUsage().getUsed()).sum();
                live.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long rows = run.rows();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(rows, seconds, peak, live.get());
    }

    private static String row(int rows, String approach, long timed, Measured m) {
        return String.format(Locale.US, "| %,d | %s | %,d | %.1f | %,.0f | %d | %d |", rows, approach, timed,
                m.seconds(), m.rowsPerSecond(), m.peakHeapBytes() / (1024 * 1024), m.liveHeapBytes() / (1024 * 1024));
    }

    private static DynamoDbAsyncClient asyncClient(int parallelism) {
        return asyncClient(parallelism, Emulators.dynamoDbEndpoint());
    }

    /** As the loader's producer builds it, throttling retries left to the writer. */
    private static DynamoDbAsyncClient asyncClient(int parallelism, java.net.URI endpoint) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(
                        com.stockwatch.loader.aws.LoaderClients.retriesWithoutThrottling(4)))
                .region(Region.of(Emulators.REGION))
                .credentialsProvider(Emulators.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(parallelism + 4)
                        .maxPendingConnectionAcquires(10_000).connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                .build();
    }

    private static TableNames tables() {
        return TestLoaderConfig.tables();
    }

    private static LoaderConfig config(int parallelism) {
        return TestLoaderConfig.defaults().withParallelism(parallelism);
    }
}
