package com.stockwatch.loader.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.loader.parse.RowError;
import com.stockwatch.loader.write.WriteTally;

/**
 * Collects what happens to one file while it is imported; bounded however many rows the file has. A continuation
 * starts from the {@link State} recorded at the last checkpoint ({@link #restore}), so its counts go on from there.
 */
final class ImportReport {

    /** The counters and lists at one moment: what a checkpoint stores and a continuation restores. */
    record State(long read, long rejected, long superseded, long droppedWarnings, List<RowError> errors,
            List<String> warnings, WriteTally tally) {
    }

    private final S3ObjectRef object;
    private final Clock clock;
    private final int maxWarnings;
    private final List<RowError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Instant startedAt;
    private String storeId;
    private long read;
    private long rejected;
    private long superseded;
    private long droppedWarnings;
    private WriteTally earlierWrites = WriteTally.NONE;

    ImportReport(S3ObjectRef object, Clock clock, int maxWarnings) {
        this.object = object;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.maxWarnings = maxWarnings;
        this.storeId = object.folderStore().orElse(LoaderService.ROOT_PARTITION);
    }

    void storeId(String storeId) {
        this.storeId = storeId;
    }

    String storeId() {
        return storeId;
    }

    String importId() {
        return Timestamps.format(object.eventTime()) + "#" + object.key();
    }

    /** Goes on from a checkpoint of an earlier invocation, which started the import at {@code firstStart}. */
    void restore(State state, Instant firstStart) {
        startedAt = firstStart;
        read = state.read();
        rejected = state.rejected();
        superseded = state.superseded();
        droppedWarnings = state.droppedWarnings();
        errors.clear();
        errors.addAll(state.errors());
        warnings.clear();
        warnings.addAll(state.warnings());
        earlierWrites = state.tally();
    }

    /** The counters now, with the writes this invocation finished ({@code writes}) added to the earlier ones. */
    State state(WriteTally writes) {
        return new State(read, rejected, superseded, droppedWarnings, List.copyOf(errors), List.copyOf(warnings),
                earlierWrites.plus(writes));
    }

    void read() {
        read++;
    }

    long rowsRead() {
        return read;
    }

    void reject(List<RowError> rowErrors) {
        rejected++;
        for (RowError error : rowErrors) {
            if (errors.size() < ImportsTable.MAX_ROW_ERRORS) {
                errors.add(error);
            }
        }
    }

    void superseded(String itemId, long row, long laterRow) {
        superseded++;
        if (warnings.size() < maxWarnings - 1) {
            warnings.add(ImportMessages.DUPLICATE_ITEM.formatted(itemId, row, laterRow));
        } else {
            droppedWarnings++;
        }
    }

    void warn(String warning) {
        if (warnings.size() < maxWarnings && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** The record while the file is being loaded: counts so far, including the writes finished by now. */
    ImportResult running(WriteTally writesSoFar) {
        return result(ImportStatus.RUNNING, writesSoFar, Optional.empty());
    }

    ImportResult rejected(String reason) {
        return result(ImportStatus.REJECTED, WriteTally.NONE, Optional.of(reason));
    }

    ImportResult failed(String reason, WriteTally tally) {
        return result(ImportStatus.FAILED, tally, Optional.of(reason));
    }

    ImportResult finished(WriteTally tally) {
        if (read == 0) {
            warn(ImportMessages.EMPTY_FILE);
        }
        WriteTally all = earlierWrites.plus(tally);
        if (all.failed() > 0) {
            return result(ImportStatus.FAILED, tally,
                    Optional.of(ImportMessages.NOT_STORED.formatted(grouped(all.failed()))));
        }
        return result(rejected > 0 ? ImportStatus.PARTIAL : ImportStatus.LOADED, tally, Optional.empty());
    }

    private ImportResult result(ImportStatus status, WriteTally thisInvocation, Optional<String> reason) {
        WriteTally tally = earlierWrites.plus(thisInvocation);
        List<String> allWarnings = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            allWarnings.add(ImportMessages.MORE_DUPLICATES.formatted(grouped(droppedWarnings)));
        }
        if (rejected > errors.size() && errors.size() >= ImportsTable.MAX_ROW_ERRORS) {
            allWarnings.add(ImportMessages.MORE_ERRORS.formatted(ImportsTable.MAX_ROW_ERRORS, grouped(rejected)));
        }
        return new ImportResult(storeId, importId(), object.bucket(), object.key(), object.eventTime(), startedAt,
                Duration.between(startedAt, clock.instant()).toMillis(), status,
                read, tally.written(), tally.unchanged(), tally.stale(), rejected, tally.failed(), superseded,
                reason, List.copyOf(errors), List.copyOf(allWarnings));
    }

    private static String grouped(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
