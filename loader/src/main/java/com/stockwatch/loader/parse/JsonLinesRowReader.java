package com.stockwatch.loader.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON Lines: one item object per line, blank lines skipped. A broken line is a row error (the next line is read
 * normally), except when the very first line is broken: then the file is not JSON Lines at all. Row numbers are line
 * numbers.
 */
final class JsonLinesRowReader implements RowReader {

    static final String LINE_NOT_AN_OBJECT =
            "is not a JSON object; each line must be one object such as {\"item_id\": \"A-100\", \"inventory_level\": 12}";

    private final BufferedReader text;
    private final boolean gzip;
    private final Set<String> ignored = new LinkedHashSet<>();
    private long line;
    private boolean sawRow;
    private boolean done;
    private ParsedRow next;

    JsonLinesRowReader(BufferedReader text, boolean gzip) {
        this.text = text;
        this.gzip = gzip;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null && !done) {
                String content = text.readLine();
                if (content == null) {
                    done = true;
                    break;
                }
                line++;
                if (content.isBlank()) {
                    continue;
                }
                next = parseLine(content);
                if (!next.readable() && !sawRow) {
                    throw new UnreadableFileException(FileProblems.JSON_LINES_BROKEN);
                }
                sawRow = true;
            }
        } catch (IOException e) {
            throw TextInput.translate(e, gzip);
        }
        return next != null;
    }

    private ParsedRow parseLine(String content) throws IOException {
        try (JsonParser parser = JsonObjects.FACTORY.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParsedRow.unreadable(line, LINE_NOT_AN_OBJECT);
            }
            var values = JsonObjects.readObject(parser, ignored);
            if (parser.nextToken() != null) {
                return ParsedRow.unreadable(line, LINE_NOT_AN_OBJECT);
            }
            return ParsedRow.of(line, values);
        } catch (JsonProcessingException e) {
            return ParsedRow.unreadable(line, LINE_NOT_AN_OBJECT);
        } catch (JsonObjects.ShapeException e) {
            return ParsedRow.unreadable(line, LINE_NOT_AN_OBJECT);
        }
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow result = next;
        next = null;
        return result;
    }

    @Override
    public Set<String> ignoredColumns() {
        return Collections.unmodifiableSet(ignored);
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            // Read-only stream.
        }
    }
}
