package com.stockwatch.notifier.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.NoticeMessages;
import com.stockwatch.notifier.message.NoticeType;
import com.stockwatch.notifier.publish.OncePublisher;
import com.stockwatch.notifier.silence.StoreRegistry;

/**
 * The consumer of the {@code InventoryImports} stream. For every import that reached a final status (LOADED, PARTIAL,
 * REJECTED, FAILED; anything else, such as a running import's progress, is ignored):
 * <ol>
 * <li>tells the store when the file was REJECTED or FAILED, or PARTIAL with more than the configured share of rows
 * rejected (IMPORT_REJECTED / IMPORT_FAILED / IMPORT_PARTIAL), once, under the ledger;</li>
 * <li>tells it that files resume when the store was silent ({@code stale_since}, STALE_INVENTORY_RESOLVED);</li>
 * <li>records the import as the store's last one in {@code InventoryStores} when it is the newest, ending the
 * silence.</li>
 * </ol>
 * The alerts go out before the registry write, so a crash in between repeats the write, never the alert.
 */
public class ImportOutcomes {

    private static final Logger LOG = Logger.getLogger(ImportOutcomes.class);

    private final StoreRegistry registry;
    private final OncePublisher publisher;
    private final NoticeMessages messages;
    private final double partialShare;

    /** @param partialShare share of rejected rows (0..1) above which a PARTIAL import is reported */
    public ImportOutcomes(StoreRegistry registry, OncePublisher publisher, NoticeMessages messages,
            double partialShare) {
        this.registry = registry;
        this.publisher = publisher;
        this.messages = messages;
        this.partialShare = partialShare;
    }

    /** A finished import as the stream's new image holds it. */
    record FinishedImport(String storeId, String importId, ImportStatus status, String file, Instant fileTime,
            long rowsRead, long rowsWritten, long rowsRejected, Optional<String> reason, List<String> errors) {
    }

    /**
     * Handles the records in order.
     *
     * @return the position of the first record to retry, or empty
     */
    public Optional<Integer> process(List<DynamodbStreamRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            Optional<FinishedImport> finished;
            try {
                finished = read(records.get(i));
            } catch (RuntimeException e) {
                LOG.warnf("Skipping malformed import stream record eventID=%s: %s", records.get(i).getEventID(),
                        e.getMessage());
                continue;
            }
            if (finished.isEmpty()) {
                continue;
            }
            try {
                if (!handle(finished.get())) {
                    return Optional.of(i);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Cannot handle the finished import %s of store %s; retried", finished.get().importId(),
                        finished.get().storeId());
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private boolean handle(FinishedImport done) {
        Optional<StoreRegistry.Store> store = registry.read(done.storeId());
        Optional<Instant> previous = store.flatMap(StoreRegistry.Store::lastImportAt);
        boolean newest = previous.map(at -> !done.fileTime().isBefore(at)).orElse(true);
        Optional<Instant> staleSince = store.flatMap(StoreRegistry.Store::staleSince);
        boolean resumes = newest && staleSince.isPresent() && previous.isPresent()
                && done.fileTime().isAfter(previous.get());

        List<OncePublisher.Notice> notices = new ArrayList<>();
        outcomeType(done).ifPresent(type -> notices.add(new OncePublisher.Notice(
                new LedgerEntry(done.storeId(), done.importId() + "#" + type.name(), "import:" + done.importId(),
                        details(done.file(), fileName(done.file()), type, done.fileTime())),
                messages.importOutcome(new NoticeMessages.ImportOutcome(type, done.storeId(), done.file(),
                        done.rowsRead(), done.rowsWritten(), done.rowsRejected(), done.reason(), done.errors())))));
        if (resumes) {
            String previousText = Timestamps.format(previous.get());
            NoticeType type = NoticeType.STALE_INVENTORY_RESOLVED;
            notices.add(new OncePublisher.Notice(
                    new LedgerEntry(done.storeId(), previousText + "#" + done.storeId() + "#" + type.name(),
                            "resume:" + done.storeId() + ":" + previousText,
                            details(done.file(), fileName(done.file()), type, done.fileTime())),
                    messages.resumed(done.storeId(), previous.get(), done.file(), done.fileTime())));
        }
        if (!publisher.sendAll(notices).stream().allMatch(OncePublisher.Result::done)) {
            return false;
        }
        registry.recordImport(done.storeId(), done.fileTime(), done.importId(), done.status().name(), done.file(),
                resumes);
        return true;
    }

    private Optional<NoticeType> outcomeType(FinishedImport done) {
        return switch (done.status()) {
            case REJECTED -> Optional.of(NoticeType.IMPORT_REJECTED);
            case FAILED -> Optional.of(NoticeType.IMPORT_FAILED);
            case PARTIAL -> done.rowsRead() > 0 && (double) done.rowsRejected() / done.rowsRead() > partialShare
                    ? Optional.of(NoticeType.IMPORT_PARTIAL) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> details(String itemId,
            String itemName, NoticeType type, Instant at) {
        return Map.of(AlertsTable.ITEM_ID, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(itemId),
                AlertsTable.ITEM_NAME, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(itemName),
                AlertsTable.ALERT_TYPE,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(type.name()),
                AlertsTable.OCCURRED_AT,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Timestamps.format(at)));
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The finished import in the record's new image; empty for removals and unfinished or unknown statuses. */
    static Optional<FinishedImport> read(DynamodbStreamRecord record) {
        if ("REMOVE".equals(record.getEventName()) || record.getDynamodb() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            throw new IllegalArgumentException("no NewImage (the stream must carry new images)");
        }
        Optional<ImportStatus> status = Optional.ofNullable(image.get(ImportsTable.STATUS)).map(AttributeValue::getS)
                .flatMap(ImportStatus::finished);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        String store = required(image, ImportsTable.STORE_ID);
        String importId = required(image, ImportsTable.IMPORT_ID);
        String file = Optional.ofNullable(image.get(ImportsTable.OBJECT_KEY)).map(AttributeValue::getS)
                .orElse(importId.substring(importId.indexOf('#') + 1));
        Instant fileTime = Instant.parse(Optional.ofNullable(image.get(ImportsTable.FILE_TIME))
                .map(AttributeValue::getS)
                .orElseGet(() -> required(image, ImportsTable.STARTED_AT)));
        List<String> errors = new ArrayList<>();
        AttributeValue errorList = image.get(ImportsTable.ERRORS);
        if (errorList != null && errorList.getL() != null) {
            for (AttributeValue error : errorList.getL()) {
                Map<String, AttributeValue> m = error.getM();
                if (m != null && errors.size() < 5) {
                    errors.add("Row " + text(m, ImportsTable.ERROR_ROW) + ", " + text(m, ImportsTable.ERROR_FIELD)
                            + ": " + text(m, ImportsTable.ERROR_REASON));
                }
            }
        }
        return Optional.of(new FinishedImport(store, importId, status.get(), file, fileTime,
                number(image, ImportsTable.ROWS_READ), number(image, ImportsTable.ROWS_WRITTEN),
                number(image, ImportsTable.ROWS_REJECTED),
                Optional.ofNullable(image.get(ImportsTable.REASON)).map(AttributeValue::getS)
                        .filter(reason -> !reason.isBlank()),
                errors));
    }

    private static String required(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null || value.getS().isEmpty()) {
            throw new IllegalArgumentException("NewImage." + name + " is missing");
        }
        return value.getS();
    }

    private static String text(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? "?" : value.getS() != null ? value.getS() : value.getN() != null ? value.getN() : "?";
    }

    private static long number(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null || value.getN() == null ? 0 : Long.parseLong(value.getN());
    }
}
