package com.stockwatch.dashboard.alerts;

/** One stock alert the notifier raised (table {@code InventoryAlerts}). */
public record AlertView(
        String alertId,
        String itemId,
        String itemName,
        String alertType,
        Long oldLevel,
        Long newLevel,
        String occurredAt,
        String delivery) {

    /** Words for the alert type. */
    public String label() {
        return switch (alertType) {
            case "OUT_OF_STOCK" -> "out of stock";
            case "LOW_STOCK" -> "low";
            case "BACK_IN_STOCK" -> "back in stock";
            default -> alertType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /** Colour class: {@code bad}, {@code warn} or {@code ok}. */
    public String tone() {
        return switch (alertType) {
            case "OUT_OF_STOCK" -> "bad";
            case "LOW_STOCK" -> "warn";
            default -> "ok";
        };
    }
}
