package com.stockwatch.notifier.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import com.stockwatch.inventory.Timestamps;

/**
 * A stock alert raised by one stream record.
 *
 * @param type   what happened
 * @param change the change that raised it
 */
public record Alert(AlertType type, StockChange change) {

    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(change, "change");
    }

    public String storeId() {
        return change.storeId();
    }

    public String itemId() {
        return change.itemId();
    }

    public String itemName() {
        return change.itemName();
    }

    public OptionalLong oldLevel() {
        return change.oldLevel();
    }

    public long newLevel() {
        return change.newLevel();
    }

    public Instant occurredAt() {
        return change.occurredAt();
    }

    public String eventId() {
        return change.eventId();
    }

    /** Sort key in {@code InventoryAlerts}: {@code <time>#<item_id>#<type>}, the same for every delivery of a record. */
    public String alertId() {
        return Timestamps.format(change.occurredAt()) + "#" + change.itemId() + "#" + type.name();
    }
}
