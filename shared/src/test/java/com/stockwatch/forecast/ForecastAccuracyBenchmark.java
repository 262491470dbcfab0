package com.stockwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The forecast's error on a generated chain (BENCHMARKS.md, "Forecast (issue 13)"): 100 stores x 200 items, two
 * counts a day for 28 days. Each item sells at its own mean daily rate (0 to 40, a fifth not at all; day-to-day
 * Poisson noise, weekends 1.5x), and is restocked to its shelf size when a count finds it at or below its threshold
 * (half of the time; the other half it runs on). Whenever the forecaster gives an item a forecast, the same item's
 * future is played on without restocks to the count at which it really hits 0, and the two times are compared.
 * Deterministic (fixed seed); run: {@code ./mvnw -B -o -pl shared test -Dtest=ForecastAccuracyBenchmark}.
 */
class ForecastAccuracyBenchmark {

    private static final long HALF_DAY = 43_200;
    private static final int STEPS = 56;

    @Test
    void meanAbsoluteErrorOfTheStockOutTimeOnAGeneratedChain() {
        DepletionForecaster forecaster = new DepletionForecaster(4, Duration.ofHours(24));
        Random random = new Random(13);
        double errorSum = 0;
        double errorSumNear = 0;
        long forecasts = 0;
        long near = 0;
        long items = 0;
        for (int store = 0; store < 100; store++) {
            for (int item = 0; item < 200; item++) {
                items++;
                double perDay = random.nextDouble() < 0.2 ? 0 : random.nextDouble() * 40;
                int threshold = 5 + random.nextInt(16);
                long shelf = threshold + 20 + random.nextInt(300);
                long seed = random.nextLong();
                Random sales = new Random(seed);
                long level = shelf - random.nextInt((int) (shelf - threshold));
                StockHistory history = StockHistory.empty();
                for (int step = 0; step < STEPS; step++) {
                    long time = step * HALF_DAY;
                    if (step > 0) {
                        level = next(level, perDay, step, sales);
                        if (level <= threshold && sales.nextBoolean()) {
                            level = shelf;
                        }
                    }
                    if (history.isEmpty() || history.points().get(history.points().size() - 1).level() != level) {
                        history = history.append(new StockPoint(time, level));
                    }
                    Optional<Forecast> forecast = forecaster.forecast(history);
                    if (forecast.isEmpty() || level == 0 || history.points().get(history.points().size() - 1)
                            .epochSecond() != time) {
                        continue;
                    }
                    long actualOut = actualStockOut(level, perDay, step, new Random(sales.nextLong()));
                    if (actualOut < 0) {
                        continue; // does not run out within a year: nothing to compare
                    }
                    double error = Math.abs(forecast.get().expectedOutAt().getEpochSecond() - actualOut) / 86_400.0;
                    errorSum += error;
                    forecasts++;
                    if (forecast.get().daysOfCover() <= 3) {
                        errorSumNear += error;
                        near++;
                    }
                }
            }
        }
        double mae = errorSum / forecasts;
        double maeNear = errorSumNear / near;
        System.out.printf(Locale.ROOT, "FORECAST-MAE items=%d forecasts=%d mae_days=%.2f within_3_days=%d "
                + "mae_days_within_3_days=%.2f%n", items, forecasts, mae, near, maeNear);
        assertThat(forecasts).isGreaterThan(10_000);
        assertThat(maeNear).as("error of the forecasts that can raise a warning").isLessThan(1.0);
        assertThat(mae).isLessThan(3.0);
    }

    /** The level after one half-day step of Poisson sales at {@code perDay} (weekend days 1.5x). */
    private static long next(long level, double perDay, int step, Random sales) {
        boolean weekend = (step / 2) % 7 >= 5;
        return Math.max(0, level - poisson(perDay / 2 * (weekend ? 1.5 : 1), sales));
    }

    /** The time of the first count at 0 when nobody restocks, or -1 beyond a year. */
    private static long actualStockOut(long level, double perDay, int fromStep, Random sales) {
        for (int step = fromStep + 1; step < fromStep + 730; step++) {
            level = next(level, perDay, step, sales);
            if (level == 0) {
                return step * HALF_DAY;
            }
        }
        return -1;
    }

    private static long poisson(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
