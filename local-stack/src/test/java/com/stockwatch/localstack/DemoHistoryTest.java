package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.stockwatch.forecast.DepletionForecaster;
import com.stockwatch.forecast.StockHistory;
import com.stockwatch.forecast.StockPoint;

/** {@code demo-data --days}: files spread over the days, with sales, restocks and flat items the forecast can use. */
class DemoHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:30:00Z");

    @Test
    void twoFilesADayOverTheDaysTheLastBeforeNow() {
        List<Instant> times = DemoHistory.times(7, NOW);

        assertThat(times).hasSize(14);
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-11-22T17:00:00Z"));
        assertThat(times.get(13)).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(times).isSorted();
    }

    @Test
    void itemsSellGetRestockedOrStayFlatAndMostGetAForecast() {
        List<Instant> times = DemoHistory.times(7, NOW);
        List<DemoHistory.File> files = DemoHistory.files("berlin", 300, 42, times);
        assertThat(files).hasSize(14).allSatisfy(f -> assertThat(f.csv()).startsWith(
                "store_id,item_id,item_name,inventory_level,low_stock_threshold\nberlin,SKU-00001,"));

        int restocked = 0;
        int flat = 0;
        int forecasts = 0;
        DepletionForecaster forecaster = new DepletionForecaster(4, Duration.ofHours(24));
        for (int item = 0; item < 300; item++) {
            List<Long> levels = new ArrayList<>();
            StockHistory history = StockHistory.empty();
            for (int t = 0; t < files.size(); t++) {
                long level = Long.parseLong(files.get(t).csv().split("\n")[item + 1].split(",")[3]);
                assertThat(level).isNotNegative();
                if (levels.isEmpty() || levels.get(levels.size() - 1) != level) {
                    history = history.append(new StockPoint(times.get(t).getEpochSecond(), level));
                }
                levels.add(level);
            }
            boolean rose = false;
            for (int t = 1; t < levels.size(); t++) {
                rose |= levels.get(t) > levels.get(t - 1);
            }
            restocked += rose ? 1 : 0;
            flat += levels.stream().distinct().count() == 1 ? 1 : 0;
            forecasts += forecaster.forecast(history).isPresent() ? 1 : 0;
        }
        assertThat(restocked).as("restocked items").isBetween(30, 250);
        assertThat(flat).as("items that did not sell").isBetween(40, 120);
        assertThat(forecasts).as("items with a forecast").isGreaterThan(100);
    }
}
