package com.stockwatch.loader.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The decompressed bytes of a .gz file, stopped at an absolute size and at a ratio of decompressed to compressed
 * bytes (a decompression bomb expands a few megabytes into gigabytes).
 */
final class DecompressionGuard extends FilterInputStream {

    private final Counting compressed;
    private final ReadLimits limits;
    private long decompressed;

    private DecompressionGuard(InputStream gzip, Counting compressed, ReadLimits limits) {
        super(gzip);
        this.compressed = compressed;
        this.limits = limits;
    }

    static InputStream open(InputStream bytes, int buffer, ReadLimits limits) throws IOException {
        Counting compressed = new Counting(bytes);
        return new DecompressionGuard(new GZIPInputStream(compressed, buffer), compressed, limits);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        decompressed += n;
        if (decompressed > limits.maxDecompressedBytes()) {
            throw new LimitExceededException(FileProblems.TOO_LARGE_DECOMPRESSED.formatted(
                    FileProblems.megabytes(limits.maxDecompressedBytes())));
        }
        if (decompressed > limits.ratioCheckFrom()
                && decompressed > (long) limits.maxCompressionRatio() * Math.max(1, compressed.count)) {
            throw new LimitExceededException(FileProblems.COMPRESSION_RATIO.formatted(limits.maxCompressionRatio()));
        }
    }

    /** The compressed bytes consumed so far. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
