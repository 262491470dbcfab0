package com.stockwatch.loader.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC instants with exactly three fraction digits ({@code 2026-11-25T07:55:00.000Z}), so that DynamoDB's
 * string comparison in the stale-file condition orders them by time. ({@link Instant#toString()} drops a zero
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
