package com.stockwatch.loader.parse;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of one file, read lazily from a stream: only the current row is held in memory.
 * {@link #hasNext()} and {@link #next()} throw {@link UnreadableFileException} when the file turns out to be unreadable,
 * and {@link java.io.UncheckedIOException} when the stream itself fails (a transient error worth retrying).
 */
public interface RowReader extends Iterator<ParsedRow>, Closeable {

    /** Canonical columns named in the header (CSV); empty for formats without a header. */
    default Optional<Set<String>> header() {
        return Optional.empty();
    }

    /** {@code store_id} declared for the whole file ({@code {"store_id": ..., "items": [...]}}), once read. */
    default Optional<String> declaredStoreId() {
        return Optional.empty();
    }

    /** Column or field names seen so far that the loader does not use, in order of first appearance. */
    Set<String> ignoredColumns();

    @Override
    void close();
}
