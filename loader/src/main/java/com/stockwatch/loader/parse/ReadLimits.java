package com.stockwatch.loader.parse;

/**
 * What a file may demand of memory and time, whatever its content: the loader holds one record at a time, so these
 * bound the memory per file.
 *
 * @param maxRecordChars       longest CSV record, JSON Lines line and JSON string, in characters
 * @param maxDecompressedBytes largest decompressed size of a .gz file
 * @param maxCompressionRatio  largest decompressed/compressed ratio of a .gz file, checked from
 *                             {@link #ratioCheckFrom()} decompressed bytes on
 */
public record ReadLimits(int maxRecordChars, long maxDecompressedBytes, int maxCompressionRatio) {

    public static final ReadLimits DEFAULTS = new ReadLimits(1_000_000, 2L << 30, 100);

    /** Small files may compress better than any ratio (a file of one repeated line): only larger ones are judged. */
    public static final long RATIO_CHECK_FROM = 16L << 20;

    /** Decompressed bytes from which the ratio is judged: 16 MiB, or less under a small absolute limit. */
    long ratioCheckFrom() {
        return Math.min(RATIO_CHECK_FROM, maxDecompressedBytes / 16);
    }
}
