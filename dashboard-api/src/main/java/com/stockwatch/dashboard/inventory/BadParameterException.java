package com.stockwatch.dashboard.inventory;

/** A request parameter that cannot be used: 400 with a message naming {@link #parameter()}. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
