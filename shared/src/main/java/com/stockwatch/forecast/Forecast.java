package com.stockwatch.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * When an item is expected to run out, as of its last level change.
 *
 * @param episodeStart  when the falling segment began: the time of the last restock (the last rise), or of the oldest
 *                      point kept when there was none. One warning per item and episode.
 * @param lastAt        time of the newest point (the forecast's "now")
 * @param level         level at {@code lastAt}
 * @param unitsPerDay   the depletion rate, units sold per day (positive)
 * @param expectedOutAt {@code lastAt + level / unitsPerDay}
 * @param points        points the rate was fitted on
 */
public record Forecast(Instant episodeStart, Instant lastAt, long level, double unitsPerDay, Instant expectedOutAt,
        int points) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    /** Days the level lasts at the rate, from the last level change: {@code level / unitsPerDay}. */
    public double daysOfCover() {
        return level / unitsPerDay;
    }

    /** Whether the item is expected to run out within {@code horizon} of {@code from}, and is not out yet. */
    public boolean outWithin(Duration horizon, Instant from) {
        return level > 0 && !expectedOutAt.isAfter(from.plus(horizon));
    }

    /**
     * The same forecast in an episode that began earlier than its oldest kept point (the bounded history dropped the
     * restock): the episode must not move while the item keeps falling.
     */
    public Forecast withEpisodeStart(Instant start) {
        return new Forecast(start, lastAt, level, unitsPerDay, expectedOutAt, points);
    }

    static Instant expectedOut(Instant lastAt, long level, double unitsPerDay) {
        return lastAt.plusSeconds(Math.round(level / unitsPerDay * SECONDS_PER_DAY));
    }
}
