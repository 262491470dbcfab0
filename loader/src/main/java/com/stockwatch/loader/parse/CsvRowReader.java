package com.stockwatch.loader.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as RFC 4180 describes it (quoted values, CRLF or LF), header row required, header names case-insensitive, the
 * delimiter ({@code ,} {@code ;} or tab) detected from the header. Row numbers are spreadsheet rows: the header is
 * row 1.
 */
final class CsvRowReader implements RowReader {

    private static final int HEADER_PEEK = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final boolean gzip;
    private final RecordLimitReader bounded;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** Canonical column per position, {@code null} for ignored columns. */
    private final String[] columns;
    private final Set<String> header = new LinkedHashSet<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private ParsedRow next;

    CsvRowReader(BufferedReader text, boolean gzip, ReadLimits limits) {
        this.gzip = gzip;
        char delimiter = detectDelimiter(text);
        this.bounded = new RecordLimitReader(text, limits.maxRecordChars());
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        try {
            this.parser = format.parse(bounded);
        } catch (IOException e) {
            throw TextInput.translate(e, gzip);
        }
        this.records = parser.iterator();
        CSVRecord headerRecord = null;
        while (headerRecord == null && hasRecord()) {
            CSVRecord candidate = nextRecord();
            if (!blank(candidate)) {
                headerRecord = candidate;
            }
        }
        this.columns = headerRecord == null ? new String[0] : readHeader(headerRecord);
    }

    private String[] readHeader(CSVRecord record) {
        String[] result = new String[record.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (TextInput.looksBinary(name)) {
                throw new UnreadableFileException(FileProblems.NOT_TEXT);
            }
            seen.add(name.strip());
            String canonical = Columns.canonical(name);
            if (canonical == null) {
                if (!name.isBlank()) {
                    ignored.add(name.strip());
                }
                continue;
            }
            boolean direct = !Columns.isAlias(name);
            if (header.contains(canonical)) {
                int previous = indexOf(result, canonical);
                if (direct && Columns.isAlias(record.get(previous))) {
                    // item_id beats the classic "item" when a file has both.
                    result[previous] = null;
                    ignored.add(record.get(previous).strip());
                } else if (!direct && !Columns.isAlias(record.get(previous))) {
                    ignored.add(name.strip());
                    continue;
                } else {
                    throw new UnreadableFileException(FileProblems.CSV_DUPLICATE_COLUMN.formatted(canonical));
                }
            }
            header.add(canonical);
            result[i] = canonical;
        }
        List<String> missing = new ArrayList<>();
        if (!header.contains(Columns.ITEM_ID)) {
            missing.add("item_id (or item)");
        }
        if (!header.contains(Columns.INVENTORY_LEVEL)) {
            missing.add("inventory_level (or count)");
        }
        if (!missing.isEmpty()) {
            String found = String.join(", ", seen);
            if (found.length() > 200) {
                found = found.substring(0, 200) + "...";
            }
            throw new UnreadableFileException(FileProblems.CSV_MISSING_COLUMNS.formatted(
                    String.join(" and ", missing), found.isBlank() ? "no column names" : found));
        }
        return result;
    }

    private static int indexOf(String[] columns, String canonical) {
        for (int i = 0; i < columns.length; i++) {
            if (canonical.equals(columns[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Optional<Set<String>> header() {
        return Optional.of(Collections.unmodifiableSet(header));
    }

    @Override
    public Set<String> ignoredColumns() {
        return Collections.unmodifiableSet(ignored);
    }

    @Override
    public boolean hasNext() {
        while (next == null && columns.length > 0 && hasRecord()) {
            CSVRecord record = nextRecord();
            if (!blank(record)) {
                next = toRow(record);
            }
        }
        return next != null;
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow row = next;
        next = null;
        return row;
    }

    private ParsedRow toRow(CSVRecord record) {
        long row = record.getRecordNumber();
        for (int i = columns.length; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return ParsedRow.unreadable(row, "has %d values but the first row names %d columns; check for a"
                        .formatted(record.size(), columns.length) + " missing quotation mark or an extra delimiter");
            }
        }
        Map<String, String> values = new HashMap<>(8);
        for (int i = 0; i < columns.length && i < record.size(); i++) {
            if (columns[i] != null) {
                values.put(columns[i], record.get(i).strip());
            }
        }
        return ParsedRow.of(row, values);
    }

    private boolean hasRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            CSVRecord record = records.next();
            bounded.recordEnded(record.getRecordNumber());
            return record;
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(UncheckedIOException e) {
        IOException cause = e.getCause();
        if (cause instanceof CSVException) {
            return new UnreadableFileException(FileProblems.CSV_BROKEN_QUOTES.formatted(parser.getRecordNumber() + 1));
        }
        return TextInput.translate(cause, gzip);
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The delimiter of the header line: whichever of {@code , ; tab} occurs most often outside quotes. */
    private char detectDelimiter(BufferedReader text) {
        char[] buffer = new char[HEADER_PEEK];
        int length = 0;
        try {
            text.mark(HEADER_PEEK);
            int read;
            while (length < HEADER_PEEK && (read = text.read(buffer, length, HEADER_PEEK - length)) > 0) {
                length += read;
                if (containsLineBreakAfterText(buffer, length)) {
                    break;
                }
            }
            text.reset();
        } catch (IOException e) {
            throw TextInput.translate(e, gzip);
        }
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        boolean sawText = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (sawText) {
                    break;
                }
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
            sawText |= !Character.isWhitespace(c);
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static boolean containsLineBreakAfterText(char[] buffer, int length) {
        boolean sawText = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if ((c == '\n' || c == '\r') && sawText) {
                return true;
            }
            sawText |= !Character.isWhitespace(c);
        }
        return false;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a read-only stream: nothing to recover.
        }
    }
}
