package com.stockwatch.notifier.summary;

import java.util.Map;
import java.util.Optional;

import com.stockwatch.forecast.StockHistory;
import com.stockwatch.inventory.ItemStatesTable;
import com.stockwatch.inventory.StockStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's state record as read: empty fields when the item has none yet.
 *
 * @param version       {@link ItemStatesTable#VERSION}, the record that wrote it last
 * @param status        the status the item is counted as ({@link ItemStatesTable#STATUS}); empty for a tombstone
 * @param episodeStart  {@link ItemStatesTable#EPISODE_START}: when the item's current fall began (its last restock)
 * @param warnedEpisode {@link ItemStatesTable#WARNED_EPISODE}
 * @param warnedVersion {@link ItemStatesTable#WARNED_VERSION}
 */
record ItemState(Optional<String> version, Optional<StockStatus> status, StockHistory history,
        Optional<String> episodeStart, Optional<String> warnedEpisode, Optional<String> warnedVersion) {

    static final ItemState NONE = new ItemState(Optional.empty(), Optional.empty(), StockHistory.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    static ItemState of(Map<String, AttributeValue> item) {
        if (item == null) {
            return NONE;
        }
        AttributeValue history = item.get(ItemStatesTable.HISTORY);
        StockHistory points;
        try {
            points = history == null || history.b() == null ? StockHistory.empty()
                    : StockHistory.decode(history.b().asByteArray());
        } catch (IllegalArgumentException damaged) {
            points = StockHistory.empty(); // starts over; the next points rebuild it
        }
        return new ItemState(string(item, ItemStatesTable.VERSION),
                string(item, ItemStatesTable.STATUS).map(StockStatus::valueOf), points,
                string(item, ItemStatesTable.EPISODE_START), string(item, ItemStatesTable.WARNED_EPISODE), string(item, ItemStatesTable.WARNED_VERSION));
    }

    boolean exists() {
        return version.isPresent();
    }

    /** Whether the record at {@code recordVersion} was applied to this state before. */
    boolean hasApplied(String recordVersion) {
        return version.map(v -> v.compareTo(recordVersion) >= 0).orElse(false);
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }
}
