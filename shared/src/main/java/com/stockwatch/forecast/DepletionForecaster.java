package com.stockwatch.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts an item's stock-out from its history. The method:
 * <ol>
 * <li><b>Segment</b>: the points since the last restock. A restock is a rise of at least {@code max(3 units, 25 % of
 * the level before it)}; smaller rises (a recount that finds two more) are noise and stay in the segment.</li>
 * <li><b>Rate</b>: the ordinary least-squares slope of level over time through the segment's points.</li>
 * <li><b>Robustness</b>: no forecast with fewer than {@code minPoints} points or a segment shorter than
 * {@code minSpan}; none unless the slope is falling and significant (its t-statistic below {@code -2}: the fall is
 * at least twice the slope's standard error) and the fitted line falls by at least 3 units across the segment, so a
 * flat item with noisy counts gets none; none when the item is already at 0.</li>
 * <li><b>Stock-out</b>: the last level divided by the rate, from the last point's time (the rate is the trend, the
 * last count is the truth about what is left).</li>
 * </ol>
 * Pure and deterministic; no clock.
 */
public final class DepletionForecaster {

    static final long MIN_RESTOCK_UNITS = 3;
    static final double MIN_RESTOCK_SHARE = 0.25;
    static final long MIN_FALL_UNITS = 3;
    private static final double MIN_T_STATISTIC = 2.0;
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final int minPoints;
    private final Duration minSpan;

    /**
     * @param minPoints fewest points of the falling segment (at least 3: a slope and its error)
     * @param minSpan   shortest time from the segment's first to last point
     */
    public DepletionForecaster(int minPoints, Duration minSpan) {
        if (minPoints < 3) {
            throw new IllegalArgumentException("minPoints must be at least 3");
        }
        this.minPoints = minPoints;
        this.minSpan = minSpan;
    }

    public Optional<Forecast> forecast(StockHistory history) {
        List<StockPoint> all = history.points();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<StockPoint> segment = all.subList(lastRestock(all), all.size());
        StockPoint first = segment.get(0);
        StockPoint last = segment.get(segment.size() - 1);
        if (last.level() == 0 || segment.size() < minPoints
                || last.epochSecond() - first.epochSecond() < minSpan.toSeconds()) {
            return Optional.empty();
        }
        double slopePerSecond = significantFallingSlope(segment);
        if (Double.isNaN(slopePerSecond)) {
            return Optional.empty();
        }
        if (-slopePerSecond * (last.epochSecond() - first.epochSecond()) < MIN_FALL_UNITS) {
            return Optional.empty();
        }
        double unitsPerDay = -slopePerSecond * SECONDS_PER_DAY;
        Instant lastAt = Instant.ofEpochSecond(last.epochSecond());
        return Optional.of(new Forecast(Instant.ofEpochSecond(first.epochSecond()), lastAt, last.level(), unitsPerDay,
                Forecast.expectedOut(lastAt, last.level(), unitsPerDay), segment.size()));
    }

    /** Index of the point the falling segment starts at: the last restock, else 0. */
    public static int lastRestock(List<StockPoint> points) {
        for (int i = points.size() - 1; i > 0; i--) {
            if (isRestock(points.get(i - 1).level(), points.get(i).level())) {
                return i;
            }
        }
        return 0;
    }

    /** Whether a change from {@code before} to {@code after} is a restock rather than noise. */
    public static boolean isRestock(long before, long after) {
        return after - before >= Math.max(MIN_RESTOCK_UNITS, Math.ceil(MIN_RESTOCK_SHARE * before));
    }

    /** The least-squares slope (units per second) when negative and significant, else NaN. */
    private static double significantFallingSlope(List<StockPoint> segment) {
        int n = segment.size();
        long t0 = segment.get(0).epochSecond();
        double meanT = 0;
        double meanY = 0;
        for (StockPoint p : segment) {
            meanT += p.epochSecond() - t0;
            meanY += p.level();
        }
        meanT /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (StockPoint p : segment) {
            double dt = p.epochSecond() - t0 - meanT;
            sxx += dt * dt;
            sxy += dt * (p.level() - meanY);
        }
        if (sxx == 0) {
            return Double.NaN;
        }
        double slope = sxy / sxx;
        if (slope >= 0) {
            return Double.NaN;
        }
        double residuals = 0;
        for (StockPoint p : segment) {
            double fitted = meanY + slope * (p.epochSecond() - t0 - meanT);
            residuals += (p.level() - fitted) * (p.level() - fitted);
        }
        double standardError = Math.sqrt(residuals / (n - 2) / sxx);
        return slope / standardError <= -MIN_T_STATISTIC || standardError == 0 ? slope : Double.NaN;
    }
}
