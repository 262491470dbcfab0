package com.stockwatch.forecast;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An item's last {@link #MAX_POINTS} level changes, oldest first, in the compact form stored in one binary attribute
 * of its state record: 12 bytes a point (epoch second as a signed 64-bit number, level as an unsigned 32-bit number),
 * 480 bytes when full. Appending keeps the time order: a point at the time of the last one replaces it (a file that
 * set the level twice at one time), an older point is ignored (the loader never stores an older file over a newer
 * one, so it cannot happen from the stream).
 */
public final class StockHistory {

    /** Points kept per item: at one file a day, about six weeks; several files a day, several days. */
    public static final int MAX_POINTS = 40;
    static final int POINT_BYTES = 12;
    private static final long MAX_LEVEL = 0xFFFF_FFFFL;

    private final List<StockPoint> points;

    private StockHistory(List<StockPoint> points) {
        this.points = Collections.unmodifiableList(points);
    }

    public static StockHistory empty() {
        return new StockHistory(List.of());
    }

    public static StockHistory of(List<StockPoint> points) {
        StockHistory history = empty();
        for (StockPoint point : points) {
            history = history.append(point);
        }
        return history;
    }

    /** Points oldest first. */
    public List<StockPoint> points() {
        return points;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** This history with {@code point} as its newest, the oldest dropped beyond {@link #MAX_POINTS}. */
    public StockHistory append(StockPoint point) {
        if (point.level() < 0 || point.level() > MAX_LEVEL) {
            throw new IllegalArgumentException("level out of range: " + point.level());
        }
        List<StockPoint> next = new ArrayList<>(points);
        if (!next.isEmpty()) {
            StockPoint last = next.get(next.size() - 1);
            if (point.epochSecond() < last.epochSecond()) {
                return this;
            }
            if (point.epochSecond() == last.epochSecond()) {
                next.remove(next.size() - 1);
            }
        }
        next.add(point);
        while (next.size() > MAX_POINTS) {
            next.remove(0);
        }
        return new StockHistory(next);
    }

    /** The stored form. */
    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(points.size() * POINT_BYTES);
        for (StockPoint point : points) {
            buffer.putLong(point.epochSecond()).putInt((int) point.level());
        }
        return buffer.array();
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException when its length is not a whole number of points
     */
    public static StockHistory decode(byte[] stored) {
        if (stored.length % POINT_BYTES != 0) {
            throw new IllegalArgumentException("history of " + stored.length + " bytes is not whole points");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        List<StockPoint> read = new ArrayList<>(stored.length / POINT_BYTES);
        while (buffer.hasRemaining()) {
            read.add(new StockPoint(buffer.getLong(), Integer.toUnsignedLong(buffer.getInt())));
        }
        return of(read);
    }
}
