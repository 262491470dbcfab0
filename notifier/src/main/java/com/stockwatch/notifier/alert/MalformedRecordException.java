package com.stockwatch.notifier.alert;

/** A stream record the notifier cannot read (missing keys, a level that is not a whole number, ...). */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }
}
