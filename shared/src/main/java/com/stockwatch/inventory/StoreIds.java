package com.stockwatch.inventory;

import java.util.regex.Pattern;

/**
 * The one rule for store ids, used wherever a store id enters the system: the loader (a file's folder, a row's
 * {@code store_id}) and the dashboard (URLs, Cognito groups {@code store-<id>}, cursors). A store id is also an S3 key
 * prefix and part of URLs, so it is kept to characters that need no escaping anywhere: a store the loader accepts is
 * always one the dashboard can show.
 */
public final class StoreIds {

    /** Longest store id. */
    public static final int MAX_LENGTH = 128;

    /** Why a store id was refused, in words a store clerk understands (after {@code "store_id "}). */
    public static final String RULE = "must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or"
            + " digit";

    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private StoreIds() {
    }

    public static boolean isValid(String storeId) {
        return storeId != null && STORE_ID.matcher(storeId).matches();
    }
}
