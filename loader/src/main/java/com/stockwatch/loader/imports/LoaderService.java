package com.stockwatch.loader.imports;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.loader.LoaderConfig;
import com.stockwatch.loader.parse.Columns;
import com.stockwatch.loader.parse.FileFormat;
import com.stockwatch.loader.parse.FileFormat.FileType;
import com.stockwatch.loader.parse.FileProblems;
import com.stockwatch.loader.parse.ParsedRow;
import com.stockwatch.loader.parse.RowReader;
import com.stockwatch.loader.parse.RowReaders;
import com.stockwatch.loader.parse.UnreadableFileException;
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
 * anything is written) and which items it lists more than once ({@link DuplicateFilter});</li>
 * <li>load: read the same object version again, validate each row and hand valid rows to the {@link ItemWriter},
 * skipping rows that a later row for the same item supersedes.</li>
 * </ol>
 * Only the current row, the writes in flight and the fixed-size duplicate filter are in memory.
 */
@ApplicationScoped
public class LoaderService {

    /** Import-record partition for a bucket-root file whose rows name several stores (or none). */
    public static final String ROOT_PARTITION = "(bucket root)";

    private static final Logger LOG = Logger.getLogger(LoaderService.class);

    private final ObjectSource objects;
    private final DynamoDbAsyncClient dynamo;
    private final ImportRecords records;
    private final TableNames tables;
    private final StockRules rules;
    private final LoaderConfig config;
    private final Clock clock;

    @Inject
    public LoaderService(ObjectSource objects, DynamoDbAsyncClient dynamo, ImportRecords records, TableNames tables,
            StockRules rules, LoaderConfig config) {
        this(objects, dynamo, records, tables, rules, config, Clock.systemUTC());
    }

    LoaderService(ObjectSource objects, DynamoDbAsyncClient dynamo, ImportRecords records, TableNames tables,
            StockRules rules, LoaderConfig config, Clock clock) {
        this.objects = objects;
        this.dynamo = dynamo;
        this.records = records;
        this.tables = tables;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** Imports each object in turn and records each outcome; never throws for a problem of one file. */
    public List<ImportResult> importAll(List<S3ObjectRef> objectRefs) {
        List<ImportResult> results = new ArrayList<>(objectRefs.size());
        for (S3ObjectRef object : objectRefs) {
            ImportResult result = importFile(object);
            records.save(result);
            LOG.info(result.summary());
            results.add(result);
        }
        return results;
    }

    /** Imports one object and returns its outcome (not yet recorded). */
    public ImportResult importFile(S3ObjectRef object) {
        ImportReport report = new ImportReport(object, clock, config.maxWarnings());
        Optional<FileType> type = FileFormat.typeOf(object.key());
        if (type.isEmpty()) {
            return report.rejected(FileProblems.UNSUPPORTED_TYPE);
        }
        Check check;
        try {
            check = check(object, type.get());
        } catch (UnreadableFileException e) {
            return report.rejected(e.getMessage());
        } catch (NoSuchKeyException e) {
            return report.rejected(FileProblems.FILE_DELETED);
        } catch (UncheckedIOException | SdkException e) {
            LOG.warnf(e, "Could not read %s", object.source());
            return report.failed(ImportMessages.READ_FAILED, new WriteTally(0, 0, 0, 0, List.of()));
        }
        check.storeId().ifPresent(report::storeId);
        if (!check.ignoredColumns().isEmpty()) {
            report.warn(ImportMessages.IGNORED_COLUMNS.formatted(String.join(", ", check.ignoredColumns())));
        }
        return load(object, type.get(), check, report);
    }

    private record Check(Optional<String> eTag, DuplicateFilter duplicates, Optional<String> declaredStore,
            Optional<String> storeId, Set<String> ignoredColumns) {
    }

    private Check check(S3ObjectRef object, FileType type) {
        DuplicateFilter duplicates = new DuplicateFilter(config.duplicateFilterItems());
        Set<String> stores = new LinkedHashSet<>();
        try (ObjectSource.Opened opened = objects.open(object, Optional.empty());
                RowReader rows = RowReaders.open(opened.bytes(), type)) {
            if (object.folderStore().isEmpty()
                    && rows.header().filter(h -> !h.contains(Columns.STORE_ID)).isPresent()) {
                throw new UnreadableFileException(FileProblems.ROOT_FILE_WITHOUT_STORE);
            }
            while (rows.hasNext()) {
                ParsedRow row = rows.next();
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
            return new Check(opened.eTag(), duplicates, declared, storeId, new LinkedHashSet<>(rows.ignoredColumns()));
        }
    }

    private ImportResult load(S3ObjectRef object, FileType type, Check check, ImportReport report) {
        FileContext context = new FileContext(object.folderStore(), check.declaredStore(), object.eventTime(),
                object.source());
        ItemWriter writer = new ItemWriter(dynamo, tables.inventory(), rules.defaultLowStockThreshold(),
                config.parallelism(), config.itemRetries(), config.itemRetryBaseDelay());
        try (ObjectSource.Opened opened = objects.open(object, check.eTag());
                RowReader rows = RowReaders.open(opened.bytes(), type)) {
            while (rows.hasNext()) {
                ParsedRow row = rows.next();
                report.read();
                ValidatedRow validated = RowValidator.validate(row, context);
                if (!validated.valid()) {
                    report.reject(validated.errors());
                    continue;
                }
                long laterRow = check.duplicates().laterRow(duplicateKey(object, row), row.row());
                if (laterRow > 0) {
                    report.superseded(validated.item().itemId(), row.row(), laterRow);
                    continue;
                }
                writer.write(validated.item());
            }
        } catch (S3Exception e) {
            WriteTally tally = writer.finish();
            if (e.statusCode() == 412 || e instanceof NoSuchKeyException) {
                return tally.written() == 0 ? report.rejected(e.statusCode() == 412
                        ? FileProblems.FILE_REPLACED : FileProblems.FILE_DELETED)
                        : report.failed(ImportMessages.READ_FAILED, tally);
            }
            LOG.warnf(e, "Could not read %s", object.source());
            return report.failed(ImportMessages.READ_FAILED, tally);
        } catch (UncheckedIOException | SdkException | UnreadableFileException e) {
            LOG.warnf(e, "Could not read %s a second time", object.source());
            return report.failed(ImportMessages.READ_FAILED, writer.finish());
        }
        return report.finished(writer.finish());
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
