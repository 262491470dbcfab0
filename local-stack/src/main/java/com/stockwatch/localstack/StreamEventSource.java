package com.stockwatch.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The event source mapping from the {@code Inventory} table's stream to the notifier, as Lambda runs it: reads every
 * shard of DynamoDB Local's stream in order, collects up to {@code batchSize} records or waits at most
 * {@code window}, and invokes the notifier with the DynamoDB Streams event. With {@code ReportBatchItemFailures}, the
 * lowest reported sequence number becomes the checkpoint and the batch is delivered again from that record; a function
 * error re-delivers the whole batch. After {@code maxRetries} retries of the same batch the remaining records are
 * written to {@code logs/notifier-failed-batches.jsonl} (the stand-in for the on-failure destination) and the mapping
 * moves on, so a poison record never blocks the shard. Checkpoints persist in {@code stream-checkpoints.properties}.
 */
final class StreamEventSource implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String region;
    private final Function<String, CompletableFuture<String>> notifier;
    private final int batchSize;
    private final Duration window;
    private final int maxRetries;
    private final Path checkpointFile;
    private final Path failedBatches;
    private final Properties checkpoints = new Properties();
    private final Map<String, ShardReader> readers = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final AtomicLong deliveredRecords = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;
    private String streamArn;
    private String eventSourceArn;

    StreamEventSource(DynamoDbStreamsClient streams, DynamoDbClient dynamoDb, String table, String region,
            Function<String, CompletableFuture<String>> notifier, int batchSize, Duration window, int maxRetries, Path dataDir, Path logDir) {
        this.streams = streams;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.region = region;
        this.notifier = notifier;
        this.batchSize = batchSize;
        this.window = window;
        this.maxRetries = maxRetries;
        // The imports table's source keeps its own files; the Inventory table's keep their original names.
        String suffix = LocalStack.IMPORTS.equals(table) ? "-" + table : "";
        this.checkpointFile = dataDir.resolve("stream-checkpoints" + suffix + ".properties");
        this.failedBatches = logDir.resolve("notifier-failed-batches" + suffix + ".jsonl");
    }

    void start() {
        streamArn = dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new StackException("stream", "table " + table + " has no stream");
        }
        // DynamoDB Local names its ARNs with region "ddblocal"; the function sees the ARN AWS would send.
        eventSourceArn = streamArn.replace(":ddblocal:", ":" + region + ":");
        if (Files.isRegularFile(checkpointFile)) {
            try (Reader in = Files.newBufferedReader(checkpointFile, StandardCharsets.UTF_8)) {
                checkpoints.load(in);
            } catch (IOException e) {
                System.err.println("[stream] cannot read " + checkpointFile + ", starting at TRIM_HORIZON");
            }
        }
        thread = new Thread(this::run, "stream-events");
        thread.setDaemon(true);
        thread.start();
    }

    long deliveredRecords() {
        return deliveredRecords.get();
    }

    private void run() {
        long nextDiscovery = 0;
        while (running) {
            try {
                if (System.currentTimeMillis() >= nextDiscovery) {
                    discoverShards();
                    nextDiscovery = System.currentTimeMillis() + 5000;
                }
                boolean busy = false;
                for (ShardReader reader : new ArrayList<>(readers.values())) {
                    busy |= reader.step();
                }
                if (!busy) {
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("[stream] " + e.getMessage());
                    sleepQuietly(1000);
                }
            }
        }
    }

    private void discoverShards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        Set<String> known = new HashSet<>();
        shards.forEach(s -> known.add(s.shardId()));
        for (Shard shard : shards) {
            String id = shard.shardId();
            if (readers.containsKey(id) || finished.contains(id)) {
                continue;
            }
            String parent = shard.parentShardId();
            if (parent != null && known.contains(parent) && !finished.contains(parent)) {
                continue; // records of the parent come first, as in Lambda
            }
            readers.put(id, new ShardReader(id));
        }
    }

    /** One shard: its iterator, the records read but not yet delivered, and the retry count of the current batch. */
    private final class ShardReader {
        private final String shardId;
        private final List<Record> buffer = new ArrayList<>();
        private String iterator;
        private String lastRead;
        private long bufferSince;
        private int attempts;

        ShardReader(String shardId) {
            this.shardId = shardId;
            String checkpoint = checkpoints.getProperty(shardId);
            this.iterator = checkpoint == null ? iterator(ShardIteratorType.TRIM_HORIZON, null)
                    : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, checkpoint);
            this.lastRead = checkpoint;
        }

        private String iterator(ShardIteratorType type, String sequence) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                    .sequenceNumber(sequence)).shardIterator();
        }

        /** Reads and delivers what is due; true if it did something. */
        boolean step() {
            boolean busy = false;
            if (iterator != null && buffer.size() < batchSize) {
                GetRecordsResponse response;
                try {
                    response = streams.getRecords(b -> b.shardIterator(iterator).limit(batchSize - buffer.size()));
                } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
                    // DynamoDB Local also answers TrimmedDataAccess for a TRIM_HORIZON iterator taken while the shard
                    // was still empty (seen with two streams): a fresh iterator from the checkpoint reads on.
                    iterator = lastRead == null ? iterator(ShardIteratorType.TRIM_HORIZON, null)
                            : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead);
                    return true;
                }
                if (!response.records().isEmpty()) {
                    if (buffer.isEmpty()) {
                        bufferSince = System.currentTimeMillis();
                    }
                    buffer.addAll(response.records());
                    lastRead = response.records().get(response.records().size() - 1).dynamodb().sequenceNumber();
                    busy = true;
                }
                iterator = response.nextShardIterator();
            }
            boolean full = buffer.size() >= batchSize;
            boolean windowOver = !buffer.isEmpty() && System.currentTimeMillis() - bufferSince >= window.toMillis();
            if (full || windowOver || (!buffer.isEmpty() && iterator == null)) {
                deliver();
                busy = true;
            }
            if (iterator == null && buffer.isEmpty()) {
                readers.remove(shardId);
                finished.add(shardId);
            }
            return busy;
        }

        private void deliver() {
            List<Record> batch = List.copyOf(buffer.subList(0, Math.min(batchSize, buffer.size())));
            String event = StreamEvents.event(batch, region, eventSourceArn);
            List<String> failed;
            String error = null;
            try {
                failed = StreamEvents.failures(notifier.apply(event).join(), batch);
            } catch (RuntimeException e) {
                failed = null;
                error = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            }
            if (failed != null && failed.isEmpty()) {
                succeeded(batch.size());
                return;
            }
            int from = 0;
            if (failed != null) {
                String lowest = failed.stream().min(Comparator.comparing(BigInteger::new)).orElseThrow();
                from = indexOf(batch, lowest);
                succeeded(from);
            }
            attempts++;
            if (attempts > maxRetries) {
                List<Record> dropped = List.copyOf(buffer.subList(0, batch.size() - from));
                onFailure(dropped, error == null ? "batch item failures after " + maxRetries + " retries" : error);
                succeeded(dropped.size());
            } else {
                System.err.println("[stream] notifier " + (error != null ? "failed (" + Json.abbreviate(error) + ")"
                        : "reported a failed record") + ", retry " + attempts + "/" + maxRetries + " from sequence "
                        + buffer.get(0).dynamodb().sequenceNumber());
                sleepQuietly(Math.min(1000L << (attempts - 1), 8000));
            }
        }

        private void succeeded(int count) {
            if (count == 0) {
                return;
            }
            String checkpoint = buffer.get(count - 1).dynamodb().sequenceNumber();
            buffer.subList(0, count).clear();
            attempts = 0;
            bufferSince = System.currentTimeMillis();
            deliveredRecords.addAndGet(count);
            checkpoints.setProperty(shardId, checkpoint);
            saveCheckpoints();
        }

        private int indexOf(List<Record> batch, String sequence) {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).dynamodb().sequenceNumber().equals(sequence)) {
                    return i;
                }
            }
            return 0;
        }
    }

    private void onFailure(List<Record> records, String reason) {
        String first = records.get(0).dynamodb().sequenceNumber();
        String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
        System.err.println("[stream] dropping " + records.size() + " record(s) " + first + ".." + last
                + " to " + failedBatches + ": " + reason);
        var line = Json.object().put("reason", reason).put("streamArn", eventSourceArn)
                .put("startSequenceNumber", first).put("endSequenceNumber", last).put("batchSize", records.size());
        line.set("event", Json.read(StreamEvents.event(records, region, eventSourceArn)));
        try {
            Files.writeString(failedBatches, Json.write(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[stream] cannot write " + failedBatches + ": " + e.getMessage());
        }
    }

    private void saveCheckpoints() {
        try (Writer out = Files.newBufferedWriter(checkpointFile, StandardCharsets.UTF_8)) {
            checkpoints.store(out, "DynamoDB stream checkpoints of the local event source mapping, per shard");
        } catch (IOException e) {
            System.err.println("[stream] cannot write " + checkpointFile + ": " + e.getMessage());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
