package com.stockwatch.loader.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Characters for the CSV parser, which has no limit of its own: a record longer than the limit (an unclosed quote
 * swallows the rest of the file into one value) fails the read instead of filling the memory. The parser reads ahead
 * by at most its buffer (8 KiB), so a record is stopped within that much of the limit.
 */
final class RecordLimitReader extends Reader {

    private final Reader in;
    private final int maxRecordChars;
    private long read;
    private long recordStart;
    private long lastRow;

    RecordLimitReader(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** A record ending at file row {@code row} was returned: the next one starts here. */
    void recordEnded(long row) {
        recordStart = read;
        lastRow = row;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            read += n;
            if (read - recordStart > maxRecordChars + 16_384L) {
                throw new LimitExceededException(FileProblems.RECORD_TOO_LONG.formatted(lastRow + 1,
                        FileProblems.grouped(maxRecordChars)));
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
