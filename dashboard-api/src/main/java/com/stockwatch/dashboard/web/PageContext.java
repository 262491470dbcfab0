package com.stockwatch.dashboard.web;

/**
 * What the shared layout needs on every page: title, the signed-in user, the current store and section (for {@code aria-current}).
 */
public record PageContext(String title, String user, boolean admin, String store, String section) {

    public boolean hasStore() {
        return store != null;
    }

    public boolean isSection(String name) {
        return name.equals(section);
    }
}
