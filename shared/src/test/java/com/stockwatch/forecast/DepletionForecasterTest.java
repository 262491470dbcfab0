package com.stockwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The forecast on generated series whose answer is known. */
class DepletionForecasterTest {

    private static final long DAY = 86_400;
    private static final long T0 = Instant.parse("2026-11-01T08:00:00Z").getEpochSecond();
    private final DepletionForecaster forecaster = new DepletionForecaster(4, Duration.ofHours(24));

    @Test
    void steadySalesGiveTheirRateAndTheDayTheShelfIsEmpty() {
        // 100 units, 10 sold a day, counted daily for 5 days: 60 left on day 4, out on day 10.
        StockHistory history = series(0, 100, -10, 5, DAY);

        Forecast forecast = forecaster.forecast(history).orElseThrow();

        assertThat(forecast.unitsPerDay()).isCloseTo(10.0, within(1e-9));
        assertThat(forecast.level()).isEqualTo(60);
        assertThat(forecast.daysOfCover()).isCloseTo(6.0, within(1e-9));
        assertThat(forecast.expectedOutAt()).isEqualTo(Instant.ofEpochSecond(T0 + 10 * DAY));
        assertThat(forecast.episodeStart()).isEqualTo(Instant.ofEpochSecond(T0));
        assertThat(forecast.points()).isEqualTo(5);
    }

    @Test
    void onlyTheSegmentSinceTheLastRestockCounts() {
        // Fast sales (30 a day) to a restock on day 4, then 5 a day: the old rate must not leak in.
        List<StockPoint> points = new ArrayList<>(series(0, 120, -30, 4, DAY).points());
        points.addAll(series(4, 200, -5, 5, DAY).points());

        Forecast forecast = forecaster.forecast(StockHistory.of(points)).orElseThrow();

        assertThat(forecast.unitsPerDay()).isCloseTo(5.0, within(1e-9));
        assertThat(forecast.episodeStart()).isEqualTo(Instant.ofEpochSecond(T0 + 4 * DAY));
        assertThat(forecast.expectedOutAt()).isEqualTo(Instant.ofEpochSecond(T0 + 44 * DAY));
    }

    @Test
    void aRestockTooRecentForEnoughPointsGivesNoForecast() {
        List<StockPoint> points = new ArrayList<>(series(0, 120, -30, 4, DAY).points());
        points.addAll(series(4, 200, -5, 2, DAY).points());

        assertThat(forecaster.forecast(StockHistory.of(points))).isEmpty();
    }

    @Test
    void aFlatItemHasNoForecast() {
        assertThat(forecaster.forecast(series(0, 50, 0, 10, DAY))).isEmpty();
    }

    @Test
    void aRisingItemHasNoForecast() {
        // Rises of 2 a day are below the restock size, so they form one segment: rising, no forecast.
        assertThat(forecaster.forecast(series(0, 50, 2, 10, DAY))).isEmpty();
    }

    @Test
    void noiseAroundAFlatLevelGivesNoForecast() {
        Random random = new Random(7);
        List<StockPoint> points = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            points.add(new StockPoint(T0 + day * DAY, 80 + random.nextInt(3) - 1)); // 79..81
        }

        assertThat(forecaster.forecast(StockHistory.of(points))).isEmpty();
    }

    @Test
    void noisyCountsAroundASteadyFallStillGiveTheRate() {
        // 8 a day from 200, counts off by up to 2 either way (recounts that find 2 more are no restock).
        Random random = new Random(42);
        List<StockPoint> points = new ArrayList<>();
        for (int day = 0; day < 12; day++) {
            points.add(new StockPoint(T0 + day * DAY, 200 - 8L * day + random.nextInt(5) - 2));
        }

        Forecast forecast = forecaster.forecast(StockHistory.of(points)).orElseThrow();

        assertThat(forecast.unitsPerDay()).isCloseTo(8.0, within(0.5));
        assertThat(forecast.episodeStart()).isEqualTo(Instant.ofEpochSecond(T0));
        double trueDaysLeft = (200 - 8.0 * 11) / 8.0;
        assertThat(forecast.daysOfCover()).isCloseTo(trueDaysLeft, within(1.0));
    }

    @Test
    void tooLittleHistoryGivesNoForecast() {
        assertThat(forecaster.forecast(StockHistory.empty())).isEmpty();
        assertThat(forecaster.forecast(series(0, 100, -10, 3, DAY))).as("3 points").isEmpty();
        assertThat(forecaster.forecast(series(0, 100, -10, 6, 3_600))).as("6 points over 5 hours").isEmpty();
    }

    @Test
    void anItemAlreadyAtZeroHasNoForecast() {
        assertThat(forecaster.forecast(series(0, 40, -10, 5, DAY))).isEmpty();
    }

    @Test
    void withinTheHorizonOnlyWhileStockIsLeft() {
        Forecast forecast = forecaster.forecast(series(0, 100, -10, 8, DAY)).orElseThrow(); // 30 left: out in 3 days
        Instant lastAt = forecast.lastAt();

        assertThat(forecast.outWithin(Duration.ofDays(3), lastAt)).isTrue();
        assertThat(forecast.outWithin(Duration.ofDays(2), lastAt)).isFalse();
    }

    @Test
    void aSmallRiseIsNoiseAndABigOneARestock() {
        List<StockPoint> noise = List.of(new StockPoint(0, 100), new StockPoint(1, 90), new StockPoint(2, 92));
        List<StockPoint> restock = List.of(new StockPoint(0, 100), new StockPoint(1, 10), new StockPoint(2, 13));

        assertThat(DepletionForecaster.lastRestock(noise)).isZero();
        assertThat(DepletionForecaster.lastRestock(restock)).isEqualTo(2);
    }

    /** {@code count} points from day {@code startDay}, {@code step} apart, from {@code level} by {@code change}. */
    private static StockHistory series(int startDay, long level, long change, int count, long step) {
        List<StockPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new StockPoint(T0 + startDay * DAY + i * step, level + change * i));
        }
        return StockHistory.of(points);
    }

}
