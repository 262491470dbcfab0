package com.stockwatch.loader.parse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** Reading one JSON object of an item into canonical column values, with Jackson's streaming parser. */
final class JsonObjects {

    /** A value that is itself an object or a list, which no column accepts. */
    static final String NESTED_VALUE = "(a nested object or list)";

    /** Items are flat objects: a few levels suffice for the list, the wrapper object and one item. */
    static final int MAX_DEPTH = 64;

    static final JsonFactory FACTORY = factory(ReadLimits.DEFAULTS);

    /** A factory whose parsers stop at the limits: string length, nesting depth, number length. */
    static JsonFactory factory(ReadLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(limits.maxRecordChars())
                        .maxNameLength(Math.min(limits.maxRecordChars(), 50_000))
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    private static final int MAX_IGNORED = 50;

    private JsonObjects() {
    }

    /** The JSON is well-formed so far but not shaped as expected (or ends too early). */
    static final class ShapeException extends IOException {
        ShapeException() {
            super("unexpected JSON structure", null);
        }
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the current token, up to and including its {@code END_OBJECT}.
     * Direct column names beat the classic aliases ({@code item_id} beats {@code item}).
     */
    static Map<String, String> readObject(JsonParser parser, Set<String> ignored) throws IOException {
        Map<String, String> values = new HashMap<>(8);
        Map<String, String> aliased = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            String value = scalar(parser, valueToken);
            String canonical = Columns.canonical(name);
            if (canonical == null) {
                if (ignored.size() < MAX_IGNORED) {
                    ignored.add(name);
                }
            } else if (value != null) {
                if (Columns.isAlias(name)) {
                    aliased = aliased == null ? new HashMap<>(4) : aliased;
                    aliased.put(canonical, value);
                } else {
                    values.put(canonical, value);
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new ShapeException();
        }
        if (aliased != null) {
            aliased.forEach(values::putIfAbsent);
        }
        return values;
    }

    /** The text of a scalar value ({@code null} for JSON null); nested structures are skipped. */
    static String scalar(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new ShapeException();
        }
        return switch (token) {
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield NESTED_VALUE;
            }
            default -> parser.getText().strip();
        };
    }
}
