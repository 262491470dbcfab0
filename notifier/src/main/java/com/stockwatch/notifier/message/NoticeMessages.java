package com.stockwatch.notifier.message;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The texts of store notices: import outcomes and silent stores. */
public final class NoticeMessages {

    private final Optional<String> dashboardUrl;

    public NoticeMessages(Optional<String> dashboardUrl) {
        this.dashboardUrl = dashboardUrl;
    }

    /**
     * A finished import worth telling the store about.
     *
     * @param type         IMPORT_REJECTED, IMPORT_PARTIAL or IMPORT_FAILED
     * @param storeId      the store
     * @param file         the object key of the file
     * @param rowsRead     rows read
     * @param rowsWritten  rows stored
     * @param rowsRejected rows rejected
     * @param reason       why the whole file was refused, when it was
     * @param firstErrors  the first row errors ({@code Row 5, inventory_level: ...})
     */
    public record ImportOutcome(NoticeType type, String storeId, String file, long rowsRead, long rowsWritten,
            long rowsRejected, Optional<String> reason, List<String> firstErrors) {
    }

    /** How many row errors a message lists (the imports page has them all). */
    static final int LISTED_ERRORS = 5;

    public SnsMessage importOutcome(ImportOutcome outcome) {
        String store = Texts.oneLine(outcome.storeId());
        String fileName = Texts.oneLine(outcome.file().substring(outcome.file().lastIndexOf('/') + 1));
        String detail = outcome.reason().map(Texts::oneLine)
                .orElseGet(() -> String.format("%,d of %,d rows rejected", outcome.rowsRejected(), outcome.rowsRead()));
        String subject = Texts.cut(outcome.type().title() + ": " + fileName + " at store " + store,
                AlertMessages.SUBJECT_MAX_CHARS);
        String sms = Texts.cut("Stockwatch: " + outcome.type().shout() + " at store " + store + ": " + fileName + ": "
                + detail, AlertMessages.SMS_MAX_CHARS);
        StringBuilder email = new StringBuilder();
        email.append(outcome.type().title()).append(" at store ").append(store).append("\n\n");
        email.append("File:   ").append(Texts.oneLine(outcome.file())).append('\n');
        email.append(String.format("Rows:   %,d read, %,d stored, %,d rejected%n", outcome.rowsRead(),
                outcome.rowsWritten(), outcome.rowsRejected()));
        outcome.reason().ifPresent(reason -> email.append("Reason: ").append(Texts.oneLine(reason)).append('\n'));
        if (!outcome.firstErrors().isEmpty()) {
            email.append("First errors:\n");
            outcome.firstErrors().stream().limit(LISTED_ERRORS)
                    .forEach(error -> email.append("  ").append(Texts.oneLine(error)).append('\n'));
        }
        Texts.storeLink(dashboardUrl, outcome.storeId())
                .ifPresent(link -> email.append("Page:   ").append(link).append("/imports\n"));
        email.append('\n').append(switch (outcome.type()) {
            case IMPORT_REJECTED -> "Nothing from this file was stored. Fix the file and upload it again.";
            case IMPORT_PARTIAL -> "Every valid row was stored; fix the rejected rows and upload them again.";
            default -> "Valid rows could not be stored; Stockwatch retries the file. Upload it again if this repeats.";
        }).append('\n');
        return new SnsMessage(subject, email.toString(), sms, attributes(outcome.storeId(), outcome.type()));
    }

    /** A store that has sent no file since {@code lastImportAt}, longer than {@code expected}. */
    public SnsMessage stale(String storeId, Instant lastImportAt, Optional<String> lastFile, Duration expected,
            Instant now) {
        String store = Texts.oneLine(storeId);
        long hours = Duration.between(lastImportAt, now).toHours();
        String subject = Texts.cut("No inventory file from store " + store + " for " + hours + " hours",
                AlertMessages.SUBJECT_MAX_CHARS);
        String sms = Texts.cut("Stockwatch: " + NoticeType.STALE_INVENTORY.shout() + " at store " + store
                + ": no file since " + Texts.time(lastImportAt) + " (expected every " + expected.toHours() + " h).",
                AlertMessages.SMS_MAX_CHARS);
        StringBuilder email = new StringBuilder();
        email.append("No inventory file from store ").append(store).append(" for ").append(hours)
                .append(" hours\n\n");
        email.append("Last file:     ").append(Texts.time(lastImportAt))
                .append(lastFile.map(file -> " (" + Texts.oneLine(file) + ")").orElse("")).append('\n');
        email.append("Expected every ").append(expected.toHours()).append(" hours\n");
        Texts.storeLink(dashboardUrl, storeId).ifPresent(link -> email.append("Page:          ").append(link)
                .append("/imports\n"));
        email.append("\nThe stock levels shown for this store may be out of date. Another message follows when "
                + "files arrive again.\n");
        return new SnsMessage(subject, email.toString(), sms, attributes(storeId, NoticeType.STALE_INVENTORY));
    }

    /** Files from a store that was silent since {@code staleSince} arrive again. */
    public SnsMessage resumed(String storeId, Instant previousImportAt, String file, Instant fileTime) {
        String store = Texts.oneLine(storeId);
        long hours = Duration.between(previousImportAt, fileTime).toHours();
        String subject = Texts.cut("Inventory files resume at store " + store + " after " + hours + " hours",
                AlertMessages.SUBJECT_MAX_CHARS);
        String sms = Texts.cut("Stockwatch: " + NoticeType.STALE_INVENTORY_RESOLVED.shout() + " at store " + store
                + ": new file at " + Texts.time(fileTime) + " after " + hours + " h without one.",
                AlertMessages.SMS_MAX_CHARS);
        StringBuilder email = new StringBuilder();
        email.append("Inventory files resume at store ").append(store).append("\n\n");
        email.append("New file:      ").append(Texts.oneLine(file)).append(" at ").append(Texts.time(fileTime))
                .append('\n');
        email.append("Previous file: ").append(Texts.time(previousImportAt)).append('\n');
        Texts.storeLink(dashboardUrl, storeId).ifPresent(link -> email.append("Page:          ").append(link)
                .append("/imports\n"));
        return new SnsMessage(subject, email.toString(), sms,
                attributes(storeId, NoticeType.STALE_INVENTORY_RESOLVED));
    }

    private static Map<String, SnsMessage.Attribute> attributes(String storeId, NoticeType type) {
        Map<String, SnsMessage.Attribute> attributes = new LinkedHashMap<>();
        attributes.put(AlertMessages.ATTRIBUTE_STORE_ID, SnsMessage.Attribute.string(storeId));
        attributes.put(AlertMessages.ATTRIBUTE_ALERT_TYPE, SnsMessage.Attribute.string(type.name()));
        return attributes;
    }
}
