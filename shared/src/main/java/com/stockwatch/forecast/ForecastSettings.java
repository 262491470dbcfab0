package com.stockwatch.forecast;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Forecast settings the notifier (warnings, the state it writes) and the dashboard ("at risk") must share
 * ({@code inventory.forecast.*}, environment {@code INVENTORY_FORECAST_*}).
 */
@ConfigMapping(prefix = "inventory.forecast")
public interface ForecastSettings {

    /**
     * How far ahead a stock-out makes an item "at risk": PREDICTED_OUT_OF_STOCK when the expected stock-out is
     * within this of the level change, the dashboard's "at risk" filter when within this of now.
     */
    @WithDefault("P3D")
    Duration horizon();

    /** Fewest points since the last restock for a forecast. */
    @WithDefault("4")
    int minPoints();

    /** Shortest time from the first to the last of those points. */
    @WithDefault("PT24H")
    Duration minSpan();

    /**
     * Items expected to run out within this of their last level change are entered in the item-state index the
     * "at risk" view reads; must be at least {@link #horizon()}. Items with more cover stay out of the index, so the
     * index is only rewritten for the few items near a stock-out.
     */
    @WithDefault("P14D")
    Duration indexWindow();
}
