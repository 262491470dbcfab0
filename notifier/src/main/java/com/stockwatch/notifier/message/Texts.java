package com.stockwatch.notifier.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;

/** Small text helpers shared by single alerts and digests. */
final class Texts {

    static final String ELLIPSIS = "...";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", java.util.Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /**
     * One line of text fit for a subject or an SMS: every run of Unicode control characters and line or paragraph
     * separators (U+2028, U+2029) becomes one space, every format character (zero-width, bidirectional overrides,
     * BOM: Unicode category Cf) is dropped.
     */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").replaceAll("\\p{Cf}", "").strip();
    }

    /** Cuts {@code text} to at most {@code max} characters (code points, never half a surrogate pair). */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        if (max <= ELLIPSIS.length()) {
            return text.substring(0, text.offsetByCodePoints(0, Math.max(0, max)));
        }
        return text.substring(0, text.offsetByCodePoints(0, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** {@code Thu 2026-11-26}: the day a stock-out is expected (UTC). */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String levels(OptionalLong oldLevel, long newLevel) {
        return oldLevel.isPresent() ? oldLevel.getAsLong() + " -> " + newLevel : "new item, " + newLevel;
    }

    /** {@code <dashboard>/stores/{store}/items/{item}} with both segments percent-encoded. */
    static Optional<String> itemLink(Optional<String> dashboardUrl, String storeId, String itemId) {
        return storeLink(dashboardUrl, storeId).map(store -> store + "/items/" + segment(itemId));
    }

    /** {@code <dashboard>/stores/{store}} with the segment percent-encoded. */
    static Optional<String> storeLink(Optional<String> dashboardUrl, String storeId) {
        return dashboardUrl.map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.replaceAll("/+$", "") + "/stores/" + segment(storeId));
    }

    /** Percent-encodes a path segment ({@code %20} for space, {@code %2F} for {@code /}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
