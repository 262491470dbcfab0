package com.stockwatch.notifier.alert;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Builds stock changes for tests. */
public final class Changes {

    public static final Instant T = Instant.parse("2026-11-25T07:55:00Z");

    private Changes() {
    }

    public static StockChange modify(long oldLevel, long newLevel) {
        return new StockChange("event-1", "100", "12", "SKU-1", "Blue mug", OptionalLong.of(oldLevel), newLevel,
                OptionalInt.empty(), T);
    }

    public static StockChange modify(long oldLevel, long newLevel, int threshold) {
        return new StockChange("event-1", "100", "12", "SKU-1", "Blue mug", OptionalLong.of(oldLevel), newLevel,
                OptionalInt.of(threshold), T);
    }

    public static StockChange insert(long level) {
        return new StockChange("event-1", "100", "12", "SKU-1", "Blue mug", OptionalLong.empty(), level,
                OptionalInt.empty(), T);
    }

    public static StockChange item(String storeId, String itemId, String itemName, long oldLevel, long newLevel) {
        return new StockChange("event-" + itemId, "100", storeId, itemId, itemName, OptionalLong.of(oldLevel),
                newLevel, OptionalInt.empty(), T);
    }
}
