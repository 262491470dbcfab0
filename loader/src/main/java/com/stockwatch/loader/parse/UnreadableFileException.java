package com.stockwatch.loader.parse;

/**
 * The file cannot be read at all (not text, broken JSON, CSV without the required columns, ...): it is recorded as
 * REJECTED with {@link #getMessage()}, a reason a store clerk understands, and nothing is written.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String reason) {
        super(reason, null, false, false);
    }
}
