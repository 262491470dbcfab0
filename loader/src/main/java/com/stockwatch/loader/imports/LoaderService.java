package com.stockwatch.loader.imports;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.stockwatch.inventory.StoreIds;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.loader.LoaderConfig;
import com.stockwatch.loader.imports.ImportRecords.Checkpoint;
import com.stockwatch.loader.imports.ImportRecords.Progress;
import com.stockwatch.loader.imports.ImportRecords.Stored;
import com.stockwatch.loader.parse.Columns;
import com.stockwatch.loader.parse.FileFormat;
import com.stockwatch.loader.parse.FileFormat.FileType;
import com.stockwatch.loader.parse.FileProblems;
import com.stockwatch.loader.parse.ParsedRow;
import com.stockwatch.loader.parse.ReadLimits;
import com.stockwatch.loader.parse.RowReader;
import com.stockwatch.loader.parse.RowReaders;
import com.stockwatch.loader.parse.UnreadableFileException;
import com.stockwatch.loader.validate.RowProblems;
import com.stockwatch.logging.LogFields;
import com.stockwatch.loader.validate.FileContext;
import com.stockwatch.loader.validate.RowValidator;
import com.stockwatch.loader.validate.ValidatedRow;
import com.stockwatch.loader.write.ItemWriter;
import com.stockwatch.loader.write.WriteTally;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Imports files into table {@code Inventory}, one S3 object at a time, in two streamed passes over the object:
 * <ol>
 * <li>check: read every row once to find out whether the file can be read at all (a broken file is REJECTED before
 * anything is written), how many rows it has, and which items it lists more than once ({@link DuplicateFilter});</li>
 * <li>load: read the same object version again, validate each row and hand valid rows to the {@link ItemWriter},
 * skipping rows that a later row for the same item supersedes.</li>
 * </ol>
 * The import record is RUNNING (with progress every few seconds) from before the first write until it ends in one
 * final status. When the invocation's time runs low, the load stops at a row boundary, drains its writes, records a
 * checkpoint and hands the rest to a continuation ({@link HandOver}), which runs both passes again and resumes after
 * the checkpoint's row. Only the current row, the writes in flight and the fixed-size duplicate filter are in memory.
 */
@ApplicationScoped
public class LoaderService {

    /** Import-record partition for a bucket-root file whose rows name several stores (or none). */
    public static final String ROOT_PARTITION = "(bucket root)";

    /** Lease of an invocation without a deadline (outside Lambda): Lambda's longest timeout. */
    private static final Duration UNBOUNDED_LEASE = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(LoaderService.class);
    /** Log fields of one file, set while it is imported (the outcome line carries all of them). */
    private static final List<String> FILE_FIELDS = List.of(LogFields.OBJECT_KEY, LogFields.STORE_ID,
            LogFields.IMPORT_ID, LogFields.OUTCOME);

    private final ObjectSource objects;
    private final DynamoDbAsyncClient dynamo;
    private final ImportRecords records;
    private final TableNames tables;
    private final StockRules rules;
    private final LoaderConfig config;
    private final HandOver handOver;
    private final Clock clock;

    @Inject
    public LoaderService(ObjectSource objects, DynamoDbAsyncClient dynamo, ImportRecords records, TableNames tables,
            StockRules rules, LoaderConfig config, HandOver handOver) {
        this(objects, dynamo, records, tables, rules, config, handOver, Clock.systemUTC());
    }

    LoaderService(ObjectSource objects, DynamoDbAsyncClient dynamo, ImportRecords records, TableNames tables,
            StockRules rules, LoaderConfig config, HandOver handOver, Clock clock) {
        this.objects = objects;
        this.dynamo = dynamo;
        this.records = records;
        this.tables = tables;
        this.rules = rules;
        this.config = config;
        this.handOver = handOver;
        this.clock = clock;
    }

    /**
     * Imports each object in turn and records each outcome; never throws for a problem of one file. Objects not
     * started before the deadline are handed over to continuations. Returns the final outcome of each file finished
     * here, and a RUNNING result for each handed over; a file another invocation owns or already finished is left out.
     */
    public List<ImportResult> importAll(List<S3ObjectRef> objectRefs, Deadline deadline) {
        List<ImportResult> results = new ArrayList<>(objectRefs.size());
        for (S3ObjectRef object : objectRefs) {
            Optional<ImportResult> result;
            if (deadline.remainingMillis() < config.deadlineMargin().toMillis()) {
                handOver.handOver(object);
                LOG.infof("%s: handed over before it started (the invocation's time runs out)", object.source());
                continue;
            }
            MDC.put(LogFields.OBJECT_KEY, object.key());
            FileImport file = new FileImport(object, deadline);
            try {
                result = file.run();
            } catch (RuntimeException | Error e) {
                // Whatever stops the import (a bug, a stack overflow, memory): the record still ends.
                LOG.errorf(e, "Import of %s stopped", object.source());
                result = Optional.of(file.stopped());
            }
            result.ifPresent(r -> {
                MDC.put(LogFields.STORE_ID, r.storeId());
                MDC.put(LogFields.IMPORT_ID, r.importId());
                MDC.put(LogFields.OUTCOME, r.status().name());
                LOG.info(r.summary());
                results.add(r);
            });
            for (String field : FILE_FIELDS) {
                MDC.remove(field);
            }
        }
        return results;
    }

    public List<ImportResult> importAll(List<S3ObjectRef> objectRefs) {
        return importAll(objectRefs, Deadline.NONE);
    }

    private record Check(Optional<String> eTag, long length, long rows, DuplicateFilter duplicates,
            Optional<String> declaredStore, Optional<String> storeId, Set<String> ignoredColumns) {
    }

    /** One invocation's part of one file's import. */
    private final class FileImport {

        private final S3ObjectRef object;
        private final Deadline deadline;
        private final ImportReport report;
        private Progress progress = Progress.NONE;
        private Optional<Checkpoint> checkpoint = Optional.empty();
        private long segment;
        private boolean claimed;
        private ItemWriter writer;

        FileImport(S3ObjectRef object, Deadline deadline) {
            this.object = object;
            this.deadline = deadline;
            this.report = new ImportReport(object, clock, config.maxWarnings());
        }

        Optional<ImportResult> run() {
            Optional<FileType> type = FileFormat.typeOf(object.key());
            Check check = null;
            ImportResult early = null;
            if (type.isEmpty()) {
                early = report.rejected(FileProblems.UNSUPPORTED_TYPE);
            } else {
                try {
                    check = check(type.get());
                } catch (UnreadableFileException e) {
                    early = report.rejected(e.getMessage());
                } catch (NoSuchKeyException e) {
                    early = report.rejected(FileProblems.FILE_DELETED);
                } catch (UncheckedIOException | SdkException e) {
                    LOG.warnf(e, "Could not read %s", object.source());
                    early = report.failed(ImportMessages.READ_FAILED, WriteTally.NONE);
                }
            }
            if (check != null) {
                check.storeId().ifPresent(report::storeId);
                progress = new Progress(check.rows(), 0, check.length(), check.eTag().orElse(""));
            }
            if (!claim()) {
                return Optional.empty();
            }
            if (early != null) {
                return Optional.of(end(early));
            }
            if (!check.ignoredColumns().isEmpty()) {
                report.warn(ImportMessages.IGNORED_COLUMNS.formatted(String.join(", ", check.ignoredColumns())));
            }
            return Optional.of(load(type.get(), check));
        }

        /**
         * Takes the record over: a new import, a FAILED one retried from the start, or a RUNNING one whose last owner
         * handed it over (or died: its lease ran out) resumed from its checkpoint.
         */
        private boolean claim() {
            Optional<Stored> seen = records.find(report.storeId(), report.importId());
            Instant now = clock.instant();
            if (seen.isPresent()) {
                Stored stored = seen.get();
                if (stored.status().isFinal() && stored.status() != ImportStatus.FAILED) {
                    LOG.infof("%s was already imported (%s); nothing to do", object.source(), stored.status());
                    return false;
                }
                if (stored.leased(now)) {
                    LOG.infof("%s is being imported by another invocation until %s; nothing to do",
                            object.source(), stored.leaseUntil());
                    return false;
                }
                if (stored.status() == ImportStatus.RUNNING) {
                    checkpoint = stored.checkpoint();
                    checkpoint.ifPresent(c -> report.restore(c.state(), stored.startedAt()));
                }
            }
            segment = seen.map(Stored::segment).orElse(0L) + 1;
            claimed = records.claim(report.running(WriteTally.NONE), progress, segment, leaseUntil(), checkpoint, seen);
            if (!claimed) {
                LOG.infof("%s was taken by another invocation at the same moment; nothing to do", object.source());
            }
            return claimed;
        }

        private Instant leaseUntil() {
            long remaining = deadline.remainingMillis();
            return remaining >= UNBOUNDED_LEASE.toMillis() ? clock.instant().plus(UNBOUNDED_LEASE)
                    : clock.instant().plusMillis(Math.max(0, remaining));
        }

        private ImportResult end(ImportResult result) {
            if (!records.update(result, progress, segment, clock.instant(), Optional.empty())) {
                LOG.warnf("%s: another invocation took the import over; outcome %s not recorded", object.source(),
                        result.status());
            }
            return result;
        }

        /** The import failed in a way no other path caught: record it, so it never stays RUNNING. */
        ImportResult stopped() {
            writer = null;
            ImportResult failed = report.failed(ImportMessages.STOPPED, WriteTally.NONE);
            try {
                if (claimed) {
                    end(failed);
                } else if (records.claim(failed, progress, segment + 1, clock.instant(), Optional.empty(),
                        records.find(report.storeId(), report.importId()))) {
                    LOG.infof("%s: recorded as FAILED", object.source());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record the failed import of %s", object.source());
            }
            return failed;
        }

        private Check check(FileType type) {
            object.folderStore().filter(folder -> !StoreIds.isValid(folder)).ifPresent(folder -> {
                throw new UnreadableFileException(String.format(FileProblems.FOLDER_NOT_A_STORE,
                        RowProblems.shown(folder)));
            });
            DuplicateFilter duplicates = new DuplicateFilter(config.duplicateFilterItems());
            Set<String> stores = new LinkedHashSet<>();
            long count = 0;
            try (ObjectSource.Opened opened = objects.open(object, Optional.empty());
                    RowReader rows = RowReaders.open(opened.bytes(), type, limits())) {
                if (object.folderStore().isEmpty()
                        && rows.header().filter(h -> !h.contains(Columns.STORE_ID)).isPresent()) {
                    throw new UnreadableFileException(FileProblems.ROOT_FILE_WITHOUT_STORE);
                }
                while (rows.hasNext()) {
                    ParsedRow row = rows.next();
                    count++;
                    String key = duplicateKey(object, row);
                    if (key != null) {
                        duplicates.record(key, row.row());
                    }
                    if (object.folderStore().isEmpty() && stores.size() < 2) {
                        String store = row.value(Columns.STORE_ID);
                        stores.add(store != null ? store : "");
                    }
                }
                Optional<String> declared = rows.declaredStoreId();
                Optional<String> storeId = object.folderStore();
                if (storeId.isEmpty()) {
                    stores.remove("");
                    declared.ifPresent(stores::add);
                    storeId = stores.size() == 1 ? Optional.of(stores.iterator().next()) : Optional.empty();
                }
                return new Check(opened.eTag(), opened.bytes().length(), count, duplicates, declared, storeId,
                        new LinkedHashSet<>(rows.ignoredColumns()));
            }
        }

        private ImportResult load(FileType type, Check check) {
            FileContext context = new FileContext(object.folderStore(), check.declaredStore(), object.eventTime(),
                    object.source());
            writer = new ItemWriter(dynamo, tables.inventory(), rules.defaultLowStockThreshold(),
                    config.parallelism(), config.itemRetries(), config.itemRetryBaseDelay());
            long resumeAfter = checkpoint.map(Checkpoint::row).orElse(0L);
            long marginMillis = config.deadlineMargin().toMillis();
            long progressEvery = config.progressInterval().toMillis();
            long nextProgress = clock.millis() + progressEvery;
            long lastRow = resumeAfter;
            long processedHere = 0;
            try (ObjectSource.Opened opened = objects.open(object, check.eTag());
                    RowReader rows = RowReaders.open(opened.bytes(), type, limits())) {
                while (rows.hasNext()) {
                    if (processedHere > 0 && deadline.remainingMillis() < marginMillis) {
                        return pause(lastRow, opened.bytes().position());
                    }
                    ParsedRow row = rows.next();
                    if (row.row() <= resumeAfter) {
                        continue;
                    }
                    lastRow = row.row();
                    processedHere++;
                    process(object, row, context, check.duplicates());
                    if (clock.millis() >= nextProgress) {
                        nextProgress = clock.millis() + progressEvery;
                        progress = progress.at(opened.bytes().position());
                        if (!records.update(report.running(writer.tallySoFar()), progress, segment, leaseUntil(),
                                checkpoint)) {
                            writer.finish();
                            LOG.warnf("%s: another invocation took the import over; stopping", object.source());
                            return report.running(WriteTally.NONE);
                        }
                    }
                }
                progress = progress.at(opened.bytes().position());
            } catch (S3Exception e) {
                WriteTally tally = writer.finish();
                if (e.statusCode() == 412 || e instanceof NoSuchKeyException) {
                    return end(tally.written() == 0 && resumeAfter == 0 ? report.rejected(e.statusCode() == 412
                            ? FileProblems.FILE_REPLACED : FileProblems.FILE_DELETED)
                            : report.failed(ImportMessages.READ_FAILED, tally));
                }
                LOG.warnf(e, "Could not read %s", object.source());
                return end(report.failed(ImportMessages.READ_FAILED, tally));
            } catch (UncheckedIOException | SdkException | UnreadableFileException e) {
                LOG.warnf(e, "Could not read %s a second time", object.source());
                return end(report.failed(ImportMessages.READ_FAILED, writer.finish()));
            }
            return end(report.finished(writer.finish()));
        }

        private void process(S3ObjectRef object, ParsedRow row, FileContext context, DuplicateFilter duplicates) {
            report.read();
            ValidatedRow validated = RowValidator.validate(row, context);
            if (!validated.valid()) {
                report.reject(validated.errors());
                return;
            }
            long laterRow = duplicates.laterRow(duplicateKey(object, row), row.row());
            if (laterRow > 0) {
                report.superseded(validated.item().itemId(), row.row(), laterRow);
                return;
            }
            writer.write(validated.item());
        }

        /** Stops after {@code lastRow}: drain, checkpoint, release the lease, start the continuation. */
        private ImportResult pause(long lastRow, long offset) {
            WriteTally tally = writer.finish();
            checkpoint = Optional.of(new Checkpoint(lastRow, offset, report.state(tally)));
            progress = progress.at(offset);
            ImportResult running = report.running(tally);
            if (!records.update(running, progress, segment, clock.instant(), checkpoint)) {
                LOG.warnf("%s: another invocation took the import over; not handing over", object.source());
                return running;
            }
            try {
                handOver.handOver(object);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not hand %s over to a continuation", object.source());
                return end(report.failed(ImportMessages.HAND_OVER_FAILED, tally));
            }
            LOG.infof("%s: paused after row %d (%d of %d bytes); a continuation goes on from there",
                    object.source(), lastRow, offset, progress.bytesTotal());
            return running;
        }

        private ReadLimits limits() {
            return new ReadLimits(config.maxRecordChars(), config.maxDecompressedBytes(),
                    config.maxCompressionRatio());
        }
    }

    /**
     * The key under which rows count as the same item: the item id in a store's folder (every valid row belongs to
     * that store), store and item id for a file at the bucket root.
     */
    private static String duplicateKey(S3ObjectRef object, ParsedRow row) {
        String itemId = row.value(Columns.ITEM_ID);
        if (itemId == null) {
            return null;
        }
        if (object.folderStore().isPresent()) {
            return itemId;
        }
        String store = row.value(Columns.STORE_ID);
        return (store == null ? "" : store) + '\u0000' + itemId;
    }
}
