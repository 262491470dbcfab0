package com.stockwatch.inventory;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stock status every part of Stockwatch agrees on: the loader stores it (sparse index), the notifier
 * alerts on its changes and the dashboard filters and colours by it.
 */
public enum StockStatus {
    OUT_OF_STOCK("out of stock"),
    LOW("low"),
    IN_STOCK("in stock");

    private final String label;

    StockStatus(String label) {
        this.label = label;
    }

    /** Text for people, e.g. {@code "out of stock"}. */
    public String label() {
        return label;
    }

    /**
     * Level 0 is out of stock; a level at or below the threshold is low; anything above is in stock.
     *
     * @param itemThreshold    the item's own {@code low_stock_threshold}, if it has one
     * @param defaultThreshold the configured threshold for items without their own
     */
    public static StockStatus of(long level, OptionalInt itemThreshold, int defaultThreshold) {
        if (level <= 0) {
            return OUT_OF_STOCK;
        }
        int threshold = itemThreshold.orElse(defaultThreshold);
        return level <= threshold ? LOW : IN_STOCK;
    }

    /**
     * The value of the sparse {@link InventoryTable#STOCK_STATUS} attribute: present only for items that need
     * attention, so the status index holds just those.
     */
    public Optional<String> indexValue() {
        return this == IN_STOCK ? Optional.empty() : Optional.of(name());
    }

    /** Parses a status as written in URLs and the API ({@code out_of_stock}, {@code low}, {@code in_stock}). */
    public static Optional<StockStatus> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StockStatus status : values()) {
            if (status.parameter().equals(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used in URLs and the API. */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
