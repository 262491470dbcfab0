package com.stockwatch.dashboard.web;

import java.util.List;

/**
 * What the shared layout needs on every page: title, the signed-in user, the stores for the navigation, the
 * current store and section (for {@code aria-current}).
 */
public record PageContext(String title, String user, boolean admin, List<String> stores, String store,
        String section) {

    public boolean hasStore() {
        return store != null;
    }

    public boolean isSection(String name) {
        return name.equals(section);
    }
}
