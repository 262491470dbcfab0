package com.stockwatch.notifier.message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertType;

/** The texts of one alert: email subject and body, SMS, and the attributes subscriptions filter on. */
public final class AlertMessages {

    /** SNS requires subjects of fewer than 100 characters. */
    public static final int SUBJECT_MAX_CHARS = 99;
    /** One SMS. */
    public static final int SMS_MAX_CHARS = 140;

    public static final String ATTRIBUTE_STORE_ID = "store_id";
    public static final String ATTRIBUTE_ITEM_ID = "item_id";
    public static final String ATTRIBUTE_ALERT_TYPE = "alert_type";

    private final Optional<String> dashboardUrl;
    private final int defaultThreshold;

    /**
     * @param dashboardUrl     base URL of the dashboard; empty means no links
     * @param defaultThreshold low-stock threshold of items without their own, named in LOW_STOCK texts
     */
    public AlertMessages(Optional<String> dashboardUrl, int defaultThreshold) {
        this.dashboardUrl = dashboardUrl;
        this.defaultThreshold = defaultThreshold;
    }

    /** The message of one alert. */
    public SnsMessage single(Alert alert) {
        int threshold = alert.change().lowStockThreshold().orElse(defaultThreshold);
        Map<String, SnsMessage.Attribute> attributes = new LinkedHashMap<>();
        attributes.put(ATTRIBUTE_STORE_ID, SnsMessage.Attribute.string(alert.storeId()));
        attributes.put(ATTRIBUTE_ITEM_ID, SnsMessage.Attribute.string(alert.itemId()));
        attributes.put(ATTRIBUTE_ALERT_TYPE, SnsMessage.Attribute.string(alert.type().name()));
        return new SnsMessage(subject(alert), email(alert, threshold), sms(alert), attributes);
    }

    /** E.g. {@code Out of stock: Blue mug 0.3 l (SKU-1) at store 12}, the name cut to fit. */
    String subject(Alert alert) {
        String prefix = alert.type().title() + ": ";
        String suffix = " at store " + Texts.oneLine(alert.storeId());
        return fit(prefix, alert, suffix, SUBJECT_MAX_CHARS);
    }

    /** E.g. {@code Stockwatch: OUT OF STOCK at store 12: Blue mug 0.3 l (SKU-1) 3 -> 0}, the name cut to fit. */
    String sms(Alert alert) {
        String prefix = "Stockwatch: " + alert.type().shout() + " at store " + Texts.oneLine(alert.storeId()) + ": ";
        String suffix = alert.forecast().map(f -> " " + f.level() + " left, out about " + Texts.day(f.expectedOutAt()))
                .orElseGet(() -> " " + Texts.levels(alert.oldLevel(), alert.newLevel()));
        return fit(prefix, alert, suffix, SMS_MAX_CHARS);
    }

    /**
     * {@code prefix + name (id) + suffix} in at most {@code max} characters: the name is cut first, then (only for
     * absurdly long ids or store ids) the whole text.
     */
    private static String fit(String prefix, Alert alert, String suffix, int max) {
        String name = Texts.oneLine(alert.itemName());
        String id = Texts.oneLine(alert.itemId());
        int room = max - Texts.length(prefix) - Texts.length(suffix);
        String idPart = name.equals(id) ? id : " (" + id + ")";
        int nameRoom = room - Texts.length(idPart);
        if (name.equals(id) && room >= Texts.length(id)) {
            return prefix + id + suffix;
        }
        if (!name.equals(id) && nameRoom >= 8) {
            return prefix + Texts.cut(name, nameRoom) + idPart + suffix;
        }
        return Texts.cut(prefix + id + suffix, max);
    }

    String email(Alert alert, int threshold) {
        StringBuilder text = new StringBuilder();
        text.append(alert.type().title()).append(" at store ").append(Texts.oneLine(alert.storeId())).append("\n\n");
        text.append("Item:  ").append(Texts.oneLine(alert.itemName()));
        if (!alert.itemName().equals(alert.itemId())) {
            text.append(" (").append(alert.itemId()).append(')');
        }
        text.append('\n');
        text.append("Store: ").append(alert.storeId()).append('\n');
        text.append("Level: ").append(Texts.levels(alert.oldLevel(), alert.newLevel())).append('\n');
        text.append("Time:  ").append(Texts.time(alert.occurredAt())).append('\n');
        alert.forecast().ifPresent(f -> text.append("Out:   about ").append(Texts.time(f.expectedOutAt()))
                .append(String.format(Locale.ROOT, " (%.1f days of cover at %.1f a day since %s)",
                        f.daysOfCover(), f.unitsPerDay(), Texts.time(f.episodeStart()))).append('\n'));
        Texts.itemLink(dashboardUrl, alert.storeId(), alert.itemId())
                .ifPresent(link -> text.append("Page:  ").append(link).append('\n'));
        text.append('\n').append(explanation(alert.type(), threshold)).append('\n');
        return text.toString();
    }

    private static String explanation(AlertType type, int threshold) {
        return switch (type) {
            case OUT_OF_STOCK -> "The item is out of stock.";
            case LOW_STOCK -> "The stock level is at or below the item's low-stock threshold of " + threshold + ".";
            case BACK_IN_STOCK -> "The item is back in stock.";
            case PREDICTED_OUT_OF_STOCK -> "At the rate it sold since its last restock, the item runs out within the"
                    + " forecast horizon. This warning is sent once until the item is restocked.";
        };
    }
}
