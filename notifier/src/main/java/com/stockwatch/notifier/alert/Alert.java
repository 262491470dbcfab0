package com.stockwatch.notifier.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.stockwatch.forecast.Forecast;
import com.stockwatch.inventory.Timestamps;

/**
 * A stock alert raised by one stream record.
 *
 * @param type     what happened
 * @param change   the change that raised it
 * @param forecast the forecast behind a PREDICTED_OUT_OF_STOCK; empty for the other types
 */
public record Alert(AlertType type, StockChange change, Optional<Forecast> forecast) {

    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(forecast, "forecast");
        if ((type == AlertType.PREDICTED_OUT_OF_STOCK) != forecast.isPresent()) {
            throw new IllegalArgumentException("a forecast belongs to PREDICTED_OUT_OF_STOCK and only to it");
        }
    }

    public Alert(AlertType type, StockChange change) {
        this(type, change, Optional.empty());
    }

    /** The PREDICTED_OUT_OF_STOCK alert a change raises with its forecast. */
    public static Alert predicted(StockChange change, Forecast forecast) {
        return new Alert(AlertType.PREDICTED_OUT_OF_STOCK, change, Optional.of(forecast));
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

    /**
     * Sort key in {@code InventoryAlerts}: {@code <time>#<item_id>#<type>}, the same for every delivery of a record.
     * For PREDICTED_OUT_OF_STOCK the time is the start of the restock episode, so the item's first warning of an
     * episode is its only one, whichever record raises it.
     */
    public String alertId() {
        String time = forecast.map(StockOutWarnings::episode).orElseGet(() -> Timestamps.format(change.occurredAt()));
        return time + "#" + change.itemId() + "#" + type.name();
    }
}
