package com.stockwatch.loader.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON Lines: one item object per line, blank lines skipped. A broken line is a row error (the next line is read
 * normally), except when the very first line is broken: then the file is not JSON Lines at all. Row numbers are line
 * numbers.
 */
final class JsonLinesRowReader implements RowReader {

    static final String LINE_TOO_LONG = "is longer than %s characters; the line was skipped";
    static final String LINE_NOT_AN_OBJECT =
            "is not a JSON object; each line must be one object such as {\"item_id\": \"A-100\", \"inventory_level\": 12}";

    /** Marks a line over the limit; compared by identity. */
    private static final String TOO_LONG = new String("(too long)");

    private final BufferedReader text;
    private final int maxLine;
    private final JsonFactory factory;
    private final StringBuilder line = new StringBuilder();
    private final boolean gzip;
    private final Set<String> ignored = new LinkedHashSet<>();
    private long lineNumber;
    private boolean sawRow;
    private boolean done;
    private ParsedRow next;

    JsonLinesRowReader(BufferedReader text, boolean gzip, ReadLimits limits) {
        this.text = text;
        this.gzip = gzip;
        this.maxLine = limits.maxRecordChars();
        this.factory = JsonObjects.factory(limits);
    }

    /**
     * The next line without its line break, or {@code null} at the end; a line longer than the limit is skipped up
     * to its end and returned as {@link #TOO_LONG} (the row is rejected, the next line is read normally).
     */
    private String readLine() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = text.read()) >= 0 && c != '\n') {
            if (line.length() < maxLine) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c < 0 && line.length() == 0 && !tooLong) {
            return null;
        }
        if (tooLong) {
            line.setLength(0);
            return TOO_LONG;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null && !done) {
                String content = readLine();
                if (content == null) {
                    done = true;
                    break;
                }
                lineNumber++;
                if (content == TOO_LONG) {
                    next = ParsedRow.unreadable(lineNumber, LINE_TOO_LONG.formatted(FileProblems.grouped(maxLine)));
                } else if (content.isBlank()) {
                    continue;
                } else {
                    next = parseLine(content);
                }
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
        try (JsonParser parser = factory.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParsedRow.unreadable(lineNumber, LINE_NOT_AN_OBJECT);
            }
            var values = JsonObjects.readObject(parser, ignored);
            if (parser.nextToken() != null) {
                return ParsedRow.unreadable(lineNumber, LINE_NOT_AN_OBJECT);
            }
            return ParsedRow.of(lineNumber, values);
        } catch (JsonProcessingException e) {
            return ParsedRow.unreadable(lineNumber, LINE_NOT_AN_OBJECT);
        } catch (JsonObjects.ShapeException e) {
            return ParsedRow.unreadable(lineNumber, LINE_NOT_AN_OBJECT);
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
