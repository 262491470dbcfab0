package com.stockwatch.notifier.alert;

import java.time.Duration;
import java.util.Optional;

import com.stockwatch.forecast.Forecast;
import com.stockwatch.inventory.Timestamps;

/**
 * Decides when a forecast raises PREDICTED_OUT_OF_STOCK: the item is not at 0, its expected stock-out is within
 * {@code horizon} of its last level change, and no warning was raised yet in this restock episode (the falling
 * segment since the last rise). The episode is remembered in the item's state, so the warning is raised once per
 * item until a restock starts a new episode; the ledger key carries the episode too, so a redelivery that raises it
 * again is refused at the claim.
 */
public final class StockOutWarnings {

    private final Duration horizon;

    public StockOutWarnings(Duration horizon) {
        this.horizon = horizon;
    }

    /**
     * @param warnedEpisode the episode the item was last warned for (the state's {@code warned_episode})
     */
    public boolean warns(Forecast forecast, Optional<String> warnedEpisode) {
        return forecast.outWithin(horizon, forecast.lastAt())
                && !warnedEpisode.equals(Optional.of(episode(forecast)));
    }

    /** The episode as stored and as part of the ledger key: the time of its first point. */
    public static String episode(Forecast forecast) {
        return Timestamps.format(forecast.episodeStart());
    }

    public Duration horizon() {
        return horizon;
    }
}
