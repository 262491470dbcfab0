package com.stockwatch.inventory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC instants with exactly three fraction digits ({@code 2026-11-25T07:55:00.000Z}), the form every stored
 * time takes ({@code last_updated}, import and alert sort keys), so that string order is time order: the loader's
 * stale-file condition and the newest-first queries compare them as strings. ({@link Instant#toString()} drops a zero
 * fraction, and {@code "...:00Z"} would sort after {@code "...:00.123Z"}.)
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
