package com.stockwatch.dashboard.access;

/** The user asked for a store none of their groups grants: 403, as a friendly page or a JSON error. */
public class StoreForbiddenException extends RuntimeException {

    private final String store;

    public StoreForbiddenException(String store) {
        super("You do not have access to store " + store + ".");
        this.store = store;
    }

    public String store() {
        return store;
    }
}
