package com.stockwatch.forecast;

/**
 * One level of an item at one time: the level a file set and the file's time (epoch seconds).
 *
 * @param epochSecond the file's time ({@code last_updated}), whole seconds
 * @param level       the item's {@code inventory_level}
 */
public record StockPoint(long epochSecond, long level) {
}
