package com.stockwatch.dashboard.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.stockwatch.forecast.StockHistory;
import com.stockwatch.forecast.StockPoint;
import com.stockwatch.inventory.ItemStatesTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's recent levels and its forecast, as the notifier keeps them in the item's state.
 *
 * @param points        level changes, oldest first (at most 40)
 * @param expectedOutAt when the item is expected to run out; null without a forecast
 * @param daysOfCover   days the last level lasts; null without a forecast
 * @param unitsPerDay   the depletion rate; null without a forecast
 * @param episodeStart  start of the falling segment the rate was fitted on; null without a forecast
 */
public record ItemHistory(List<StockPoint> points, Instant expectedOutAt, Double daysOfCover, Double unitsPerDay,
        Instant episodeStart) {

    public static final ItemHistory NONE = new ItemHistory(List.of(), null, null, null, null);

    static ItemHistory of(Map<String, AttributeValue> state) {
        if (state == null || state.isEmpty()) {
            return NONE;
        }
        AttributeValue history = state.get(ItemStatesTable.HISTORY);
        List<StockPoint> points;
        try {
            points = history == null || history.b() == null ? List.of()
                    : StockHistory.decode(history.b().asByteArray()).points();
        } catch (IllegalArgumentException damaged) {
            points = List.of();
        }
        return new ItemHistory(points, instant(state, ItemStatesTable.EXPECTED_OUT_AT),
                number(state, ItemStatesTable.DAYS_OF_COVER), number(state, ItemStatesTable.UNITS_PER_DAY),
                instant(state, ItemStatesTable.EPISODE_START));
    }

    public boolean hasForecast() {
        return expectedOutAt != null && unitsPerDay != null;
    }

    /** The rate with one decimal ({@code 9.5}); empty without a forecast. */
    public String rateText() {
        return unitsPerDay == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", unitsPerDay);
    }

    private static Instant instant(Map<String, AttributeValue> state, String name) {
        AttributeValue value = state.get(name);
        return value == null || value.s() == null ? null : Instant.parse(value.s());
    }

    private static Double number(Map<String, AttributeValue> state, String name) {
        AttributeValue value = state.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
