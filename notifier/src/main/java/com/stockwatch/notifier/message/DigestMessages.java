package com.stockwatch.notifier.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.stockwatch.notifier.alert.AlertType;

/**
 * The digest of one store's grouping window: the alerts held after the first few went out one by one. Counts per
 * type, the most important items by name (out of stock first), and a link to the dashboard's alerts page filtered to
 * this digest; never the whole list, so a digest of 60,000 alerts is as short as one of 20.
 */
public final class DigestMessages {

    /** SNS's limit for one message (and one PublishBatch call). */
    public static final int SNS_MAX_BYTES = 256 * 1024;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Optional<String> dashboardUrl;

    public DigestMessages(Optional<String> dashboardUrl) {
        this.dashboardUrl = dashboardUrl;
    }

    /**
     * One listed alert of a digest.
     *
     * @param type       the alert type
     * @param itemId     the item
     * @param itemName   its name
     * @param oldLevel   level before (empty for a new item)
     * @param newLevel   level after
     * @param occurredAt the change's time
     */
    public record Line(AlertType type, String itemId, String itemName, OptionalLong oldLevel, long newLevel,
            Instant occurredAt) {
    }

    /**
     * The digest.
     *
     * @param storeId     the store
     * @param windowStart start of the window
     * @param windowEnd   end of the window
     * @param counts      held alerts per type
     * @param top         the most important ones, in the order to list them
     * @param digestId    the digest's {@code alert_id} (the dashboard link filters on it)
     */
    public SnsMessage digest(String storeId, Instant windowStart, Instant windowEnd, Map<AlertType, Long> counts,
            List<Line> top, String digestId) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String store = Texts.oneLine(storeId);
        String when = CLOCK.format(windowStart) + "-" + CLOCK.format(windowEnd) + " UTC";
        String countText = counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().title().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        Optional<String> link = Texts.storeLink(dashboardUrl, storeId)
                .map(page -> page + "/alerts?digest=" + Texts.segment(digestId));

        String subject = Texts.cut(total + " more stock alerts at store " + store + ", " + when,
                AlertMessages.SUBJECT_MAX_CHARS);
        String sms = Texts.cut("Stockwatch: " + total + " more stock alerts at store " + store + " " + when + " ("
                + countText + "). Details by email" + (link.isPresent() ? " and on the dashboard." : "."),
                AlertMessages.SMS_MAX_CHARS);

        StringBuilder email = new StringBuilder();
        email.append(total).append(" more stock alerts at store ").append(store).append("\n");
        email.append("Held between ").append(Texts.time(windowStart)).append(" and ").append(Texts.time(windowEnd))
                .append(", after the first alerts of the window went out one by one.\n\n");
        counts.forEach((type, count) -> email.append(type.title()).append(": ").append(count).append('\n'));
        link.ifPresent(url -> email.append("All of them: ").append(url).append('\n'));
        email.append('\n');
        if (!top.isEmpty()) {
            email.append(top.size() < total ? "Most important (out of stock first, by name):\n" : "Items:\n");
            top.forEach(line -> email.append(line(line)));
            if (top.size() < total) {
                email.append("... and ").append(total - top.size()).append(" more")
                        .append(link.isPresent() ? " on the dashboard" : "").append(".\n");
            }
        }

        Map<String, SnsMessage.Attribute> attributes = new LinkedHashMap<>();
        attributes.put(AlertMessages.ATTRIBUTE_STORE_ID, SnsMessage.Attribute.string(storeId));
        attributes.put(AlertMessages.ATTRIBUTE_ALERT_TYPE, new SnsMessage.Attribute("String.Array",
                counts.keySet().stream().map(type -> "\"" + type.name() + "\"")
                        .collect(Collectors.joining(",", "[", "]"))));
        return new SnsMessage(subject, email.toString(), sms, attributes);
    }

    /** {@code - OUT OF STOCK  Blue mug (SKU-1): 3 -> 0  2026-11-25 07:55:00 UTC}. */
    private static String line(Line alert) {
        String name = Texts.cut(Texts.oneLine(alert.itemName()), 120);
        String item = name.equals(alert.itemId()) ? name : name + " (" + Texts.oneLine(alert.itemId()) + ")";
        return "- " + alert.type().shout() + "  " + item + ": " + Texts.levels(alert.oldLevel(), alert.newLevel())
                + "  " + Texts.time(alert.occurredAt()) + "\n";
    }
}
