package com.stockwatch.loader.parse;

import java.util.Locale;
import java.util.Optional;

/** The file formats the loader reads, told apart by the object key's extension. */
public enum FileFormat {
    /** {@code .csv}, {@code .tsv}, {@code .txt}: header row, delimiter {@code ,} {@code ;} or tab detected from it. */
    CSV,
    /** {@code .json}: an array of objects, or {@code {"store_id": ..., "items": [...]}}. */
    JSON,
    /** {@code .jsonl}, {@code .ndjson}: one JSON object per line. */
    JSON_LINES;

    /**
     * The type of the file named by {@code key}, or empty when the extension is not supported.
     *
     * @param key decoded object key, e.g. {@code 0042/stock 2026-11-25.csv.gz}
     */
    public static Optional<FileType> typeOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        if (gzip) {
            name = name.substring(0, name.length() - 3);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (name.indexOf('.') < 0) {
            return Optional.empty();
        }
        FileFormat format = switch (extension) {
            case "csv", "tsv", "txt" -> CSV;
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSON_LINES;
            default -> null;
        };
        return Optional.ofNullable(format).map(f -> new FileType(f, gzip));
    }

    /** A format plus whether the bytes are gzip-compressed. */
    public record FileType(FileFormat format, boolean gzip) {
    }
}
