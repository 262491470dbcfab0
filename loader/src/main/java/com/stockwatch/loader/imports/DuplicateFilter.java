package com.stockwatch.loader.imports;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds items listed more than once in a file, in memory that does not grow with the number of rows.
 *
 * <p>The first pass over the file {@link #record records} every item key in a Bloom filter of fixed size. A key the
 * filter may already contain is a suspected duplicate: only those are kept exactly, with the number of the last row
 * that lists them. The second pass then asks {@link #laterRow} for each row: a row with a later row for the same item
 * is skipped, so only the last row is written ("last row wins") and each item is written once, in any order. False
 * positives of the filter only cost a map entry: a suspected key that occurs once has itself as its last row.
 */
public final class DuplicateFilter {

    private static final int HASHES = 7;
    private static final int BITS_PER_ITEM = 10;

    private final long[] bits;
    private final long size;
    private final Map<String, Long> suspects = new HashMap<>();

    /** Sized for about 1% false positives at {@code expectedItems} distinct items. */
    public DuplicateFilter(int expectedItems) {
        long wanted = Math.max(1024L, (long) expectedItems * BITS_PER_ITEM);
        this.bits = new long[(int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64)];
        this.size = (long) bits.length * 64;
    }

    public void record(String key, long row) {
        long h1 = fnv(key);
        long h2 = mix(h1) | 1;
        boolean present = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = Math.floorMod(h1 + i * h2, size);
            int word = (int) (bit >>> 6);
            long mask = 1L << (bit & 63);
            if ((bits[word] & mask) == 0) {
                present = false;
                bits[word] |= mask;
            }
        }
        if (present) {
            suspects.merge(key, row, Math::max);
        }
    }

    /** The number of a later row listing the same item, or -1 when {@code row} is the item's last. */
    public long laterRow(String key, long row) {
        Long last = suspects.get(key);
        return last != null && last > row ? last : -1;
    }

    /** Keys held exactly (duplicates and false positives); for tests and logs. */
    public int suspects() {
        return suspects.size();
    }

    private static long fnv(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
