package com.stockwatch.notifier.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.alert.Alert;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the ledger records of one alert, whatever raised it (a stock change, an import, a silent store).
 *
 * @param storeId the store (partition key)
 * @param alertId deterministic sort key: the same every time the same event is seen again
 * @param eventId the event that raised it (stream record or schedule run): the one that may take a PENDING claim over
 * @param details the record's descriptive attributes ({@code item_id}, {@code alert_type}, ...)
 */
public record LedgerEntry(String storeId, String alertId, String eventId, Map<String, AttributeValue> details) {

    public LedgerEntry {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(eventId, "eventId");
        details = Map.copyOf(details);
    }

    /** The entry of a stock alert. */
    public static LedgerEntry of(Alert alert) {
        Map<String, AttributeValue> details = new HashMap<>();
        details.put(AlertsTable.ITEM_ID, AttributeValue.fromS(alert.itemId()));
        details.put(AlertsTable.ITEM_NAME, AttributeValue.fromS(alert.itemName()));
        details.put(AlertsTable.ALERT_TYPE, AttributeValue.fromS(alert.type().name()));
        alert.oldLevel().ifPresent(level -> details.put(AlertsTable.OLD_LEVEL, AttributeValue.fromN(Long.toString(level))));
        details.put(AlertsTable.NEW_LEVEL, AttributeValue.fromN(Long.toString(alert.newLevel())));
        details.put(AlertsTable.OCCURRED_AT, AttributeValue.fromS(Timestamps.format(alert.occurredAt())));
        alert.forecast().ifPresent(forecast -> details.put(AlertsTable.EXPECTED_OUT_AT,
                AttributeValue.fromS(Timestamps.format(forecast.expectedOutAt()))));
        return new LedgerEntry(alert.storeId(), alert.alertId(), alert.eventId(), details);
    }

    /** Attributes of a record that belong to its state, not to the alert: dropped when the record is re-read. */
    private static final java.util.Set<String> STATE = java.util.Set.of(AlertsTable.STORE_ID, AlertsTable.ALERT_ID,
            AlertsTable.EVENT_ID, AlertsTable.DELIVERY, AlertsTable.EXPIRES_AT, AlertsTable.HELD_IN,
            AlertsTable.MESSAGE_ID, AlertsTable.DELIVERED_AT, AlertsTable.FAILURE_REASON, AlertsTable.DIGEST_ID);

    /** The entry of a record read back from {@code InventoryAlerts} (a held alert about to be digested). */
    public static LedgerEntry fromRecord(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> details = new HashMap<>(item);
        details.keySet().removeAll(STATE);
        AttributeValue eventId = item.get(AlertsTable.EVENT_ID);
        return new LedgerEntry(item.get(AlertsTable.STORE_ID).s(), item.get(AlertsTable.ALERT_ID).s(),
                eventId == null ? "" : eventId.s(), details);
    }

    /** The entry's {@code alert_type}. */
    public String type() {
        AttributeValue type = details.get(AlertsTable.ALERT_TYPE);
        return type == null ? "" : type.s();
    }
}
