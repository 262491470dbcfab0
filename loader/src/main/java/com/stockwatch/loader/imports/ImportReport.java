package com.stockwatch.loader.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.stockwatch.inventory.Timestamps;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.loader.parse.RowError;
import com.stockwatch.loader.write.WriteTally;

/** Collects what happens to one file while it is imported; bounded however many rows the file has. */
final class ImportReport {

    private final S3ObjectRef object;
    private final Instant startedAt;
    private final Clock clock;
    private final int maxWarnings;
    private final List<RowError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String storeId;
    private long read;
    private long rejected;
    private long superseded;
    private long droppedWarnings;

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

    void read() {
        read++;
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
        if (warnings.size() < maxWarnings) {
            warnings.add(warning);
        }
    }

    ImportResult rejected(String reason) {
        return result(ImportStatus.REJECTED, new WriteTally(0, 0, 0, 0, List.of()), Optional.of(reason));
    }

    ImportResult failed(String reason, WriteTally tally) {
        return result(ImportStatus.FAILED, tally, Optional.of(reason));
    }

    ImportResult finished(WriteTally tally) {
        if (read == 0) {
            warn(ImportMessages.EMPTY_FILE);
        }
        if (tally.failed() > 0) {
            return result(ImportStatus.FAILED, tally,
                    Optional.of(ImportMessages.NOT_STORED.formatted(grouped(tally.failed()))));
        }
        return result(rejected > 0 ? ImportStatus.PARTIAL : ImportStatus.LOADED, tally, Optional.empty());
    }

    private ImportResult result(ImportStatus status, WriteTally tally, Optional<String> reason) {
        List<String> allWarnings = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            allWarnings.add(ImportMessages.MORE_DUPLICATES.formatted(grouped(droppedWarnings)));
        }
        if (rejected > errors.size() && errors.size() >= ImportsTable.MAX_ROW_ERRORS) {
            allWarnings.add(ImportMessages.MORE_ERRORS.formatted(ImportsTable.MAX_ROW_ERRORS, grouped(rejected)));
        }
        return new ImportResult(storeId, Timestamps.format(object.eventTime()) + "#" + object.key(),
                object.bucket(), object.key(), object.eventTime(), startedAt,
                Duration.between(startedAt, clock.instant()).toMillis(), status,
                read, tally.written(), tally.unchanged(), tally.stale(), rejected, tally.failed(), superseded,
                reason, List.copyOf(errors), List.copyOf(allWarnings));
    }

    private static String grouped(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
