package com.stockwatch.loader.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON file: a list of item objects, or {@code {"store_id": ..., "items": [...]}} (fields in any order). Streamed
 * token by token; row numbers are positions in the list, starting at 1.
 */
final class JsonRowReader implements RowReader {

    private enum State { ITEMS, AFTER_ITEMS, DONE }

    private final boolean gzip;
    private final JsonParser parser;
    private final Set<String> ignored = new LinkedHashSet<>();
    private final boolean wrapped;
    private State state;
    private String declaredStoreId;
    private final ReadLimits limits;
    private long row;
    private ParsedRow next;

    JsonRowReader(BufferedReader text, boolean gzip, ReadLimits limits) {
        this.gzip = gzip;
        this.limits = limits;
        try {
            this.parser = JsonObjects.factory(limits).createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                wrapped = false;
                state = State.DONE;
            } else if (first == JsonToken.START_ARRAY) {
                wrapped = false;
                state = State.ITEMS;
            } else if (first == JsonToken.START_OBJECT) {
                wrapped = true;
                readWrapperFields();
            } else {
                throw new UnreadableFileException(FileProblems.JSON_WRONG_SHAPE);
            }
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Reads top-level fields until the {@code items} list starts (or the object ends). */
    private void readWrapperFields() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equalsIgnoreCase(name) && state == null) {
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadableFileException(FileProblems.JSON_WRONG_SHAPE);
                }
                state = State.ITEMS;
                return;
            }
            String text = JsonObjects.scalar(parser, value);
            if (Columns.STORE_ID.equals(Columns.canonical(name))) {
                declaredStoreId = text;
            } else if (!ignored.contains(name) && ignored.size() < 50) {
                ignored.add(name);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonObjects.ShapeException();
        }
        if (state == null) {
            throw new UnreadableFileException(FileProblems.JSON_NO_ITEMS);
        }
        state = State.DONE;
        expectEnd();
    }

    private void expectEnd() throws IOException {
        if (parser.nextToken() != null) {
            throw new UnreadableFileException(FileProblems.JSON_WRONG_SHAPE);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            while (next == null && state != State.DONE) {
                if (state == State.ITEMS) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        state = State.AFTER_ITEMS;
                    } else if (token == JsonToken.START_OBJECT) {
                        row++;
                        next = ParsedRow.of(row, JsonObjects.readObject(parser, ignored));
                    } else {
                        row++;
                        JsonObjects.scalar(parser, token);
                        next = ParsedRow.unreadable(row, "is not an item: each entry of the list must be an object"
                                + " such as {\"item_id\": \"A-100\", \"inventory_level\": 12}");
                    }
                } else if (wrapped) {
                    state = null;
                    readAfterItems();
                } else {
                    state = State.DONE;
                    expectEnd();
                }
            }
        } catch (IOException e) {
            throw translate(e);
        }
        return next != null;
    }

    private void readAfterItems() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String text = JsonObjects.scalar(parser, parser.nextToken());
            if (Columns.STORE_ID.equals(Columns.canonical(name))) {
                declaredStoreId = text;
            } else if (ignored.size() < 50) {
                ignored.add(name);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonObjects.ShapeException();
        }
        state = State.DONE;
        expectEnd();
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

    private RuntimeException translate(IOException e) {
        if (e instanceof StreamConstraintsException limit) {
            int line = Math.max(1, parser.currentLocation().getLineNr());
            return new UnreadableFileException(limit.getMessage() != null && limit.getMessage().contains("depth")
                    ? FileProblems.JSON_TOO_DEEP.formatted(line)
                    : FileProblems.JSON_VALUE_TOO_LONG.formatted(FileProblems.grouped(limits.maxRecordChars()), line));
        }
        if (e instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation() != null ? json.getLocation() : parser.currentLocation();
            return new UnreadableFileException(FileProblems.JSON_BROKEN.formatted(
                    Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())));
        }
        if (e instanceof JsonObjects.ShapeException) {
            JsonLocation location = parser.currentLocation();
            return new UnreadableFileException(FileProblems.JSON_BROKEN.formatted(
                    Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())));
        }
        return TextInput.translate(e, gzip);
    }

    @Override
    public Optional<String> declaredStoreId() {
        return Optional.ofNullable(declaredStoreId);
    }

    @Override
    public Set<String> ignoredColumns() {
        return Collections.unmodifiableSet(ignored);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Read-only stream.
        }
    }
}
