package com.stockwatch.notifier.summary;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.stockwatch.forecast.Forecast;

/**
 * What a stream consumer made of a batch.
 *
 * @param retryFrom the first record not applied (Lambda retries from there), empty when all were
 * @param warnings  by record position, the records that put their item's stock-out within the horizon for the first
 *                  time in its restock episode (also when a redelivery finds that record applied before): the
 *                  PREDICTED_OUT_OF_STOCK alerts to raise
 */
public record Applied(Optional<Integer> retryFrom, Map<Integer, Forecast> warnings) {

    public static final Applied ALL = new Applied(Optional.empty(), Map.of());

    public Applied {
        warnings = Map.copyOf(warnings);
    }

    public static Applied upTo(Optional<Integer> retryFrom) {
        return new Applied(retryFrom, Map.of());
    }

    /** Both consumers' results: the earlier retry, the warnings of both before it. */
    public Applied and(Applied other) {
        Optional<Integer> earliest = retryFrom.isEmpty() ? other.retryFrom
                : other.retryFrom.isEmpty() ? retryFrom : Optional.of(Math.min(retryFrom.get(), other.retryFrom.get()));
        Map<Integer, Forecast> both = new TreeMap<>(warnings);
        both.putAll(other.warnings);
        return new Applied(earliest, both);
    }
}
