package com.stockwatch.notifier.message;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertType;

/**
 * One digest message for a store that had more alerts in one stream batch than the storm threshold: counts per
 * type, then one line per alert, as many as fit in SNS's 256 KiB (the rest is counted and left to the dashboard).
 */
public final class DigestMessages {

    /** SNS's limit for one message (and one PublishBatch call). */
    public static final int SNS_MAX_BYTES = 256 * 1024;
    /** What a digest may take: the limit less room for the subject, the attributes and the JSON around the texts. */
    public static final int DIGEST_BUDGET_BYTES = SNS_MAX_BYTES - 4 * 1024;

    private final Optional<String> dashboardUrl;
    private final int budgetBytes;

    public DigestMessages(Optional<String> dashboardUrl) {
        this(dashboardUrl, DIGEST_BUDGET_BYTES);
    }

    /** @param budgetBytes size the item lines may fill (smaller in tests) */
    public DigestMessages(Optional<String> dashboardUrl, int budgetBytes) {
        this.dashboardUrl = dashboardUrl;
        this.budgetBytes = budgetBytes;
    }

    /** The digest of {@code alerts}, all of one store, in their stream order. */
    public SnsMessage digest(String storeId, List<Alert> alerts) {
        Map<AlertType, Long> counts = new EnumMap<>(AlertType.class);
        alerts.forEach(alert -> counts.merge(alert.type(), 1L, Long::sum));
        String store = Texts.oneLine(storeId);
        String countText = counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().title().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));

        String subject = Texts.cut(alerts.size() + " stock alerts at store " + store, AlertMessages.SUBJECT_MAX_CHARS);
        Optional<String> storeLink = Texts.storeLink(dashboardUrl, storeId);
        String sms = Texts.cut("Stockwatch: " + alerts.size() + " stock alerts at store " + store + " (" + countText
                + "). Details by email" + (storeLink.isPresent() ? " and on the dashboard." : "."),
                AlertMessages.SMS_MAX_CHARS);

        StringBuilder head = new StringBuilder();
        head.append(alerts.size()).append(" stock alerts at store ").append(store).append("\n\n");
        counts.forEach((type, count) -> head.append(type.title()).append(": ").append(count).append('\n'));
        storeLink.ifPresent(link -> head.append("Store page: ").append(link).append('\n'));
        head.append('\n');

        // The email text goes out twice (keys "default" and "email"), each JSON-escaped: count every line that way.
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        int used = 2 * encoder.quoteAsUTF8(head.toString()).length + 2 * 200 + 4 * AlertMessages.SMS_MAX_CHARS;
        StringBuilder lines = new StringBuilder();
        int listed = 0;
        for (Alert alert : alerts) {
            String line = line(alert);
            int size = 2 * encoder.quoteAsUTF8(line).length;
            if (used + size > budgetBytes) {
                break;
            }
            used += size;
            lines.append(line);
            listed++;
        }
        StringBuilder email = new StringBuilder(head).append(lines);
        if (listed < alerts.size()) {
            email.append("... and ").append(alerts.size() - listed).append(" more")
                    .append(storeLink.map(link -> "; see " + link).orElse("; see the dashboard")).append('\n');
        }

        Map<String, SnsMessage.Attribute> attributes = new LinkedHashMap<>();
        attributes.put(AlertMessages.ATTRIBUTE_STORE_ID, SnsMessage.Attribute.string(storeId));
        attributes.put(AlertMessages.ATTRIBUTE_ALERT_TYPE, new SnsMessage.Attribute("String.Array",
                counts.keySet().stream().map(type -> "\"" + type.name() + "\"")
                        .collect(Collectors.joining(",", "[", "]"))));
        return new SnsMessage(subject, email.toString(), sms, attributes);
    }

    /** {@code - OUT OF STOCK  Blue mug (SKU-1): 3 -> 0  2026-11-25 07:55:00 UTC}. */
    private static String line(Alert alert) {
        String name = Texts.cut(Texts.oneLine(alert.itemName()), 120);
        String item = name.equals(alert.itemId()) ? name : name + " (" + alert.itemId() + ")";
        return "- " + alert.type().shout() + "  " + item + ": " + Texts.levels(alert.oldLevel(), alert.newLevel())
                + "  " + Texts.time(alert.occurredAt()) + "\n";
    }
}
