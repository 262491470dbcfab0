package com.stockwatch.loader.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.loader.LoaderConfig;
import com.stockwatch.loader.parse.RowError;
import com.stockwatch.loader.write.WriteTally;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stores import records. One record per file event (a replay of the same event lands on the same key). The record
 * is owned by one invocation at a time: an invocation {@link #claim claims} it with the next {@code segment} number
 * (a conditional write against the state it read), and every later write of that invocation - progress, checkpoint,
 * final outcome - is conditional on {@code status = RUNNING AND segment = <its number>}. So a replayed or duplicated
 * event or continuation can never write a second outcome: the record ends once. Every write carries
 * {@code expires_at} (start plus the retention), DynamoDB's TTL attribute of the table.
 */
@ApplicationScoped
public class ImportRecords {

    /** Rows skipped because a later row lists the same item (loader-specific counter). */
    public static final String ROWS_SUPERSEDED = "rows_superseded";
    /** Duplicate warnings not listed (checkpoint only: the summary line is derived from it). */
    static final String DROPPED_WARNINGS = "dropped_warnings";

    private final DynamoDbAsyncClient dynamo;
    private final TableNames tables;
    private final Duration retention;

    @Inject
    public ImportRecords(DynamoDbAsyncClient dynamo, TableNames tables, LoaderConfig config) {
        this(dynamo, tables, config.importRetention());
    }

    public ImportRecords(DynamoDbAsyncClient dynamo, TableNames tables, Duration retention) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.retention = retention;
    }

    /** What an invocation needs to know of an existing record before it claims it. */
    record Stored(ImportStatus status, long segment, Instant leaseUntil, Instant startedAt,
            Optional<Checkpoint> checkpoint) {

        /** Another invocation may still be working on it. */
        boolean leased(Instant now) {
            return status == ImportStatus.RUNNING && leaseUntil.isAfter(now);
        }
    }

    /** Where a continuation resumes: after file row {@code row}, with the counters as they stood there. */
    record Checkpoint(long row, long offset, ImportReport.State state) {
    }

    /** How far the loading pass is, for the dashboard's progress bar. */
    record Progress(long rowsTotal, long bytesRead, long bytesTotal, String objectVersion) {
        static final Progress NONE = new Progress(0, 0, 0, "");

        Progress at(long bytes) {
            return new Progress(rowsTotal, bytes, bytesTotal, objectVersion);
        }
    }

    Optional<Stored> find(String storeId, String importId) {
        Map<String, AttributeValue> item = throttleSafe(() -> dynamo.getItem(b -> b.tableName(tables.imports())
                .consistentRead(true)
                .key(Map.of(ImportsTable.STORE_ID, s(storeId), ImportsTable.IMPORT_ID, s(importId)))).join().item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ImportStatus status = ImportStatus.valueOf(item.get(ImportsTable.STATUS).s());
        long segment = number(item.get(ImportsTable.SEGMENT));
        Instant lease = item.containsKey(ImportsTable.LEASE_UNTIL)
                ? Instant.parse(item.get(ImportsTable.LEASE_UNTIL).s()) : Instant.EPOCH;
        Instant started = item.containsKey(ImportsTable.STARTED_AT)
                ? Instant.parse(item.get(ImportsTable.STARTED_AT).s()) : Instant.EPOCH;
        Optional<Checkpoint> checkpoint = Optional.ofNullable(item.get(ImportsTable.CHECKPOINT))
                .map(AttributeValue::m).map(ImportRecords::checkpoint);
        return Optional.of(new Stored(status, segment, lease, started, checkpoint));
    }

    /**
     * Takes the record over as RUNNING with {@code segment}, if it is still as {@code seen} (absent, or the same
     * status and segment).
     *
     * @return false when another invocation got there first
     */
    boolean claim(ImportResult running, Progress progress, long segment, Instant leaseUntil,
            Optional<Checkpoint> checkpoint, Optional<Stored> seen) {
        Map<String, AttributeValue> item = attributes(running, progress, segment, leaseUntil, checkpoint, retention);
        if (seen.isEmpty()) {
            return put(item, "attribute_not_exists(#id)", Map.of("#id", ImportsTable.IMPORT_ID), Map.of());
        }
        return put(item, "#status = :seenStatus AND (attribute_not_exists(#segment) OR #segment = :seenSegment)",
                Map.of("#status", ImportsTable.STATUS, "#segment", ImportsTable.SEGMENT),
                Map.of(":seenStatus", s(seen.get().status().name()), ":seenSegment", n(seen.get().segment())));
    }

    /**
     * Rewrites the record of the invocation that owns it: progress or a checkpoint (status RUNNING) or the final
     * outcome.
     *
     * @return false when the invocation no longer owns it (another one took over after its lease ran out)
     */
    boolean update(ImportResult result, Progress progress, long segment, Instant leaseUntil,
            Optional<Checkpoint> checkpoint) {
        return put(attributes(result, progress, segment, leaseUntil, checkpoint, retention),
                "#status = :running AND #segment = :mine",
                Map.of("#status", ImportsTable.STATUS, "#segment", ImportsTable.SEGMENT),
                Map.of(":running", s(ImportStatus.RUNNING.name()), ":mine", n(segment)));
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            throttleSafe(() -> dynamo.putItem(b -> b.tableName(tables.imports()).item(item)
                    .conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)).join());
            return true;
        } catch (CompletionException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException) {
                return false;
            }
            throw e;
        }
    }

    /** Attempts at a record call that DynamoDB throttles (the client leaves throttling to its callers). */
    static final int THROTTLED_ATTEMPTS = 10;

    /** Runs a call again, after a growing pause with jitter, while DynamoDB throttles it. */
    private static <T> T throttleSafe(java.util.function.Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (CompletionException e) {
                if (attempt >= THROTTLED_ATTEMPTS || !(e.getCause() instanceof AwsServiceException service)
                        || !service.isThrottlingException()) {
                    throw e;
                }
                long ceiling = Math.min(5_000, 50L << attempt);
                try {
                    Thread.sleep(ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static Map<String, AttributeValue> attributes(ImportResult result, Progress progress, long segment,
            Instant leaseUntil, Optional<Checkpoint> checkpoint, Duration retention) {
        Map<String, AttributeValue> item = toAttributes(result);
        item.put(ImportsTable.EXPIRES_AT, n(expiresAt(result.startedAt(), retention)));
        item.put(ImportsTable.SEGMENT, n(segment));
        item.put(ImportsTable.UPDATED_AT, s(Timestamps.format(result.startedAt().plusMillis(result.durationMs()))));
        item.put(ImportsTable.ROWS_TOTAL, n(progress.rowsTotal()));
        item.put(ImportsTable.BYTES_READ, n(progress.bytesRead()));
        item.put(ImportsTable.BYTES_TOTAL, n(progress.bytesTotal()));
        if (!progress.objectVersion().isEmpty()) {
            item.put(ImportsTable.OBJECT_VERSION, s(progress.objectVersion()));
        }
        if (result.status() == ImportStatus.RUNNING) {
            item.put(ImportsTable.LEASE_UNTIL, s(Timestamps.format(leaseUntil)));
            checkpoint.ifPresent(c -> item.put(ImportsTable.CHECKPOINT, AttributeValue.fromM(checkpoint(c))));
        }
        return item;
    }

    /** DynamoDB's TTL reads epoch seconds. */
    static long expiresAt(Instant startedAt, Duration retention) {
        return startedAt.plus(retention).getEpochSecond();
    }

    static Map<String, AttributeValue> toAttributes(ImportResult result) {
        Map<String, AttributeValue> item = new HashMap<>(32);
        item.put(ImportsTable.STORE_ID, s(result.storeId()));
        item.put(ImportsTable.IMPORT_ID, s(result.importId()));
        item.put(ImportsTable.STATUS, s(result.status().name()));
        item.put(ImportsTable.BUCKET, s(result.bucket()));
        item.put(ImportsTable.OBJECT_KEY, s(result.objectKey()));
        item.put(ImportsTable.FILE_TIME, s(Timestamps.format(result.fileTime())));
        item.put(ImportsTable.STARTED_AT, s(Timestamps.format(result.startedAt())));
        item.put(ImportsTable.DURATION_MS, n(result.durationMs()));
        item.put(ImportsTable.ROWS_READ, n(result.rowsRead()));
        item.put(ImportsTable.ROWS_WRITTEN, n(result.rowsWritten()));
        item.put(ImportsTable.ROWS_UNCHANGED, n(result.rowsUnchanged()));
        item.put(ImportsTable.ROWS_STALE, n(result.rowsStale()));
        item.put(ImportsTable.ROWS_REJECTED, n(result.rowsRejected()));
        item.put(ImportsTable.ROWS_FAILED, n(result.rowsFailed()));
        item.put(ROWS_SUPERSEDED, n(result.rowsSuperseded()));
        result.reason().ifPresent(reason -> item.put(ImportsTable.REASON, s(reason)));
        item.put(ImportsTable.ERRORS, errors(result.errors()));
        item.put(ImportsTable.WARNINGS, strings(result.warnings()));
        return item;
    }

    private static Map<String, AttributeValue> checkpoint(Checkpoint checkpoint) {
        ImportReport.State state = checkpoint.state();
        WriteTally tally = state.tally();
        Map<String, AttributeValue> map = new HashMap<>(16);
        map.put(ImportsTable.CHECKPOINT_ROW, n(checkpoint.row()));
        map.put(ImportsTable.CHECKPOINT_OFFSET, n(checkpoint.offset()));
        map.put(ImportsTable.ROWS_READ, n(state.read()));
        map.put(ImportsTable.ROWS_REJECTED, n(state.rejected()));
        map.put(ROWS_SUPERSEDED, n(state.superseded()));
        map.put(DROPPED_WARNINGS, n(state.droppedWarnings()));
        map.put(ImportsTable.ROWS_WRITTEN, n(tally.written()));
        map.put(ImportsTable.ROWS_UNCHANGED, n(tally.unchanged()));
        map.put(ImportsTable.ROWS_STALE, n(tally.stale()));
        map.put(ImportsTable.ROWS_FAILED, n(tally.failed()));
        map.put(ImportsTable.ERRORS, errors(state.errors()));
        map.put(ImportsTable.WARNINGS, strings(state.warnings()));
        return map;
    }

    private static Checkpoint checkpoint(Map<String, AttributeValue> map) {
        List<RowError> errors = map.get(ImportsTable.ERRORS).l().stream()
                .map(AttributeValue::m)
                .map(e -> new RowError(number(e.get(ImportsTable.ERROR_ROW)), e.get(ImportsTable.ERROR_FIELD).s(),
                        e.get(ImportsTable.ERROR_REASON).s()))
                .toList();
        List<String> warnings = map.get(ImportsTable.WARNINGS).l().stream().map(AttributeValue::s).toList();
        WriteTally tally = new WriteTally(number(map.get(ImportsTable.ROWS_WRITTEN)),
                number(map.get(ImportsTable.ROWS_UNCHANGED)), number(map.get(ImportsTable.ROWS_STALE)),
                number(map.get(ImportsTable.ROWS_FAILED)), List.of());
        ImportReport.State state = new ImportReport.State(number(map.get(ImportsTable.ROWS_READ)),
                number(map.get(ImportsTable.ROWS_REJECTED)), number(map.get(ROWS_SUPERSEDED)),
                number(map.get(DROPPED_WARNINGS)), errors, warnings, tally);
        return new Checkpoint(number(map.get(ImportsTable.CHECKPOINT_ROW)),
                number(map.get(ImportsTable.CHECKPOINT_OFFSET)), state);
    }

    private static AttributeValue errors(List<RowError> errors) {
        return AttributeValue.fromL(errors.stream()
                .map(error -> AttributeValue.fromM(Map.of(
                        ImportsTable.ERROR_ROW, n(error.row()),
                        ImportsTable.ERROR_FIELD, s(error.field()),
                        ImportsTable.ERROR_REASON, s(error.reason()))))
                .toList());
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(ImportRecords::s).toList());
    }

    private static long number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
