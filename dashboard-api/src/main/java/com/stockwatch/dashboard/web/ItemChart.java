package com.stockwatch.dashboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.stockwatch.dashboard.inventory.ItemHistory;
import com.stockwatch.forecast.StockPoint;

/**
 * The item page's chart, computed on the server: coordinates of an inline SVG (no script, no inline style, so the
 * Content-Security-Policy holds) with the level history as a step line (a level holds until the next count), a dot
 * per count, and the forecast as a dashed line from the last count down to 0 at the expected stock-out. The template
 * only prints these numbers.
 */
public record ItemChart(String historyLine, String forecastLine, List<Dot> dots, String startLabel, String endLabel,
        String maxLabel, String description) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One count: its position and its text (shown as the dot's tooltip and read by screen readers). */
    public record Dot(String x, String y, String label) {
    }

    /** The chart, or null when there is nothing to draw (no level change recorded yet). */
    public static ItemChart of(ItemHistory history) {
        List<StockPoint> points = history.points();
        if (points.isEmpty()) {
            return null;
        }
        long start = points.get(0).epochSecond();
        StockPoint last = points.get(points.size() - 1);
        long end = last.epochSecond();
        if (history.hasForecast()) {
            end = Math.max(end, history.expectedOutAt().getEpochSecond());
        }
        if (end == start) {
            end = start + 86_400; // one count: a day wide
        }
        long maxLevel = Math.max(1, points.stream().mapToLong(StockPoint::level).max().orElse(1));
        Scale scale = new Scale(start, end, maxLevel);

        StringBuilder line = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            StockPoint p = points.get(i);
            if (i > 0) {
                line.append(' ').append(scale.x(p.epochSecond())).append(',')
                        .append(scale.y(points.get(i - 1).level()));
            }
            line.append(i == 0 ? "" : " ").append(scale.x(p.epochSecond())).append(',').append(scale.y(p.level()));
            dots.add(new Dot(scale.x(p.epochSecond()), scale.y(p.level()),
                    p.level() + " on " + DAY.format(Instant.ofEpochSecond(p.epochSecond())) + " UTC"));
        }
        String forecast = null;
        String description = points.size() + " level changes from " + DAY.format(Instant.ofEpochSecond(start))
                + " UTC, now " + last.level() + ".";
        if (history.hasForecast() && last.level() > 0) {
            forecast = scale.x(last.epochSecond()) + "," + scale.y(last.level()) + " "
                    + scale.x(history.expectedOutAt().getEpochSecond()) + "," + scale.y(0);
            description += String.format(Locale.ROOT, " Forecast: %.1f a day, out of stock about %s UTC.",
                    history.unitsPerDay(), DAY.format(history.expectedOutAt()));
        }
        return new ItemChart(line.toString(), forecast, dots, DAY.format(Instant.ofEpochSecond(start)),
                DAY.format(Instant.ofEpochSecond(end)), Long.toString(maxLevel), description);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    /** Right edge of the level labels, left of the axis. */
    public int levelLabelX() {
        return LEFT - 6;
    }

    public int maxLabelY() {
        return TOP + 4;
    }

    public int labelY() {
        return HEIGHT - 10;
    }

    /** Maps time and level to the plot area. */
    private record Scale(long start, long end, long maxLevel) {

        String x(long epochSecond) {
            double share = (double) (epochSecond - start) / (end - start);
            return format(LEFT + share * (WIDTH - LEFT - RIGHT));
        }

        String y(long level) {
            double share = (double) level / maxLevel;
            return format(HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM));
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
