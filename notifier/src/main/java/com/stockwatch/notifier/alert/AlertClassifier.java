package com.stockwatch.notifier.alert;

import java.util.Optional;

import com.stockwatch.inventory.StockStatus;

/**
 * Decides which alert, if any, a stock change raises. The rules compare the stock status (shared
 * {@link StockStatus}) of the old and the new level under the item's current threshold:
 * <ul>
 * <li>OUT_OF_STOCK: to 0 from above 0, or a new item at 0;</li>
 * <li>LOW_STOCK: from above the threshold to at or below it, and not 0;</li>
 * <li>BACK_IN_STOCK: from 0 to above 0 (when enabled).</li>
 * </ul>
 * No alert when no boundary is crossed: 0 -> 0, a change above the threshold, a change within the low band, a
 * change of name or threshold only. A new item that arrives low (but not 0) raises no alert: it did not drop.
 */
public final class AlertClassifier {

    private final int defaultThreshold;
    private final boolean backInStockEnabled;

    /**
     * @param defaultThreshold   low-stock threshold of items without their own
     * @param backInStockEnabled whether a rise from 0 raises BACK_IN_STOCK
     */
    public AlertClassifier(int defaultThreshold, boolean backInStockEnabled) {
        this.defaultThreshold = defaultThreshold;
        this.backInStockEnabled = backInStockEnabled;
    }

    public Optional<Alert> classify(StockChange change) {
        StockStatus now = StockStatus.of(change.newLevel(), change.lowStockThreshold(), defaultThreshold);
        if (change.isNewItem()) {
            return now == StockStatus.OUT_OF_STOCK ? alert(AlertType.OUT_OF_STOCK, change) : Optional.empty();
        }
        StockStatus before = StockStatus.of(change.oldLevel().getAsLong(), change.lowStockThreshold(),
                defaultThreshold);
        if (before == now) {
            return Optional.empty();
        }
        if (now == StockStatus.OUT_OF_STOCK) {
            return alert(AlertType.OUT_OF_STOCK, change);
        }
        if (before == StockStatus.OUT_OF_STOCK) {
            return backInStockEnabled ? alert(AlertType.BACK_IN_STOCK, change) : Optional.empty();
        }
        if (before == StockStatus.IN_STOCK && now == StockStatus.LOW) {
            return alert(AlertType.LOW_STOCK, change);
        }
        return Optional.empty(); // LOW -> IN_STOCK: a restock above the threshold is no alert
    }

    private static Optional<Alert> alert(AlertType type, StockChange change) {
        return Optional.of(new Alert(type, change));
    }
}
