package com.stockwatch.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.stockwatch.inventory.StockStatus;

import io.quarkus.qute.TemplateExtension;

/** Display values computed for the templates. */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    /** {@code 2026-11-25 07:55 UTC}. */
    static String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** Colour class of a status: {@code bad} (out of stock), {@code warn} (low), {@code ok} (in stock). */
    static String cssClass(StockStatus status) {
        return switch (status) {
            case OUT_OF_STOCK -> "bad";
            case LOW -> "warn";
            case IN_STOCK -> "ok";
        };
    }

    /** A value as one URL path segment (item ids may contain {@code /}, spaces, anything). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
