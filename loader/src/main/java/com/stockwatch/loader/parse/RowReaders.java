package com.stockwatch.loader.parse;

import java.io.InputStream;

import com.stockwatch.loader.parse.FileFormat.FileType;

/** Opens the right {@link RowReader} for a file type. */
public final class RowReaders {

    private RowReaders() {
    }

    /**
     * Starts reading {@code bytes} as {@code type}. Reads at most the header before returning.
     *
     * @throws UnreadableFileException when the start of the file already shows it cannot be read
     */
    public static RowReader open(InputStream bytes, FileType type, ReadLimits limits) {
        var text = TextInput.open(bytes, type.gzip(), limits);
        return switch (type.format()) {
            case CSV -> new CsvRowReader(text, type.gzip(), limits);
            case JSON -> new JsonRowReader(text, type.gzip(), limits);
            case JSON_LINES -> new JsonLinesRowReader(text, type.gzip(), limits);
        };
    }

    /** With the default {@link ReadLimits}. */
    public static RowReader open(InputStream bytes, FileType type) {
        return open(bytes, type, ReadLimits.DEFAULTS);
    }
}
