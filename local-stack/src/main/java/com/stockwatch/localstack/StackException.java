package com.stockwatch.localstack;

/** A part of the stack could not start or run; the message names the part and the cause. */
public final class StackException extends RuntimeException {

    private final String part;

    public StackException(String part, String cause) {
        super(part + ": " + cause);
        this.part = part;
    }

    public StackException(String part, String cause, Throwable error) {
        super(part + ": " + cause, error);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
