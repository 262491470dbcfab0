package com.stockwatch.loader.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helper: every row of some bytes read as the file {@code key}. */
final class Rows {

    private Rows() {
    }

    static List<ParsedRow> read(String key, String content) {
        return read(key, content.getBytes(StandardCharsets.UTF_8));
    }

    static List<ParsedRow> read(String key, byte[] content) {
        try (RowReader reader = open(key, content)) {
            List<ParsedRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        }
    }

    static RowReader open(String key, byte[] content) {
        return RowReaders.open(new ByteArrayInputStream(content), FileFormat.typeOf(key).orElseThrow());
    }

    static byte[] gzip(String content) {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
