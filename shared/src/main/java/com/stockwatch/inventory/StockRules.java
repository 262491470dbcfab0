package com.stockwatch.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Stock rules that every function must apply alike. */
@ConfigMapping(prefix = "inventory.stock")
public interface StockRules {

    /** Level at or below which an item without its own {@code low_stock_threshold} counts as low. */
    @WithDefault("5")
    int defaultLowStockThreshold();
}
