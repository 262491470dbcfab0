package com.stockwatch.dashboard.alerts;

/**
 * One alert the notifier raised (table {@code InventoryAlerts}).
 *
 * @param delivery      PENDING, SENT, HELD (waits for its window's digest), DIGESTED or FAILED
 * @param digestId      the digest that carried it (DIGESTED), else empty
 * @param failureReason why SNS refused it for good (FAILED), else empty
 */
public record AlertView(
        String alertId,
        String itemId,
        String itemName,
        String alertType,
        Long oldLevel,
        Long newLevel,
        String occurredAt,
        String delivery,
        String digestId,
        String failureReason) {

    /** Words for the alert type. */
    public String label() {
        return switch (alertType) {
            case "OUT_OF_STOCK" -> "out of stock";
            case "LOW_STOCK" -> "low";
            case "BACK_IN_STOCK" -> "back in stock";
            case "PREDICTED_OUT_OF_STOCK" -> "running out soon";
            default -> alertType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /** Colour class: {@code bad}, {@code warn} or {@code ok}. */
    public String tone() {
        return switch (alertType) {
            case "OUT_OF_STOCK", "IMPORT_REJECTED", "IMPORT_FAILED", "STALE_INVENTORY" -> "bad";
            case "LOW_STOCK", "IMPORT_PARTIAL", "PREDICTED_OUT_OF_STOCK" -> "warn";
            default -> "ok";
        };
    }

    /** Words for the delivery state. */
    public String deliveryLabel() {
        return switch (delivery) {
            case "SENT" -> "sent";
            case "HELD" -> "held for the digest";
            case "DIGESTED" -> "in a digest";
            case "FAILED" -> "refused by SNS";
            case "PENDING" -> "sending";
            default -> delivery.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
