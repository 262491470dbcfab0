package com.stockwatch.inventory;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attribute names of table {@code InventorySearch}, the name-token index: one row per item and search token (each
 * word of the name, lower-cased, and the whole item id, lower-cased), so that "any word of the name or the item id
 * starts with q" is a {@code begins_with} query on one store's partition. The notifier keeps it in step with
 * {@code Inventory}'s stream.
 */
public final class SearchTokensTable {
    /** Partition key (S). */
    public static final String STORE_ID = "store_id";
    /** Sort key (S): {@code <token><SEPARATOR><item id>}. */
    public static final String TOKEN_KEY = "token_key";
    /** S, the item's id. */
    public static final String ITEM_ID = "item_id";
    /** S, the item's name when the row was written (to tell which token of the item a result came from). */
    public static final String ITEM_NAME = "item_name";

    /** Between token and item id; sorts before every character a token holds. */
    public static final char SEPARATOR = '\u0001';
    /** Longest token kept (characters); longer words are cut, their prefixes still match. */
    public static final int MAX_TOKEN_CHARS = 64;
    /** Most tokens of one item; a name with more words is searchable by its first ones. */
    public static final int MAX_TOKENS = 24;

    private SearchTokensTable() {
    }

    /** The search tokens of an item, sorted: its id and the words of its name, lower-cased. */
    public static Set<String> tokens(String itemId, String itemName) {
        Set<String> tokens = new TreeSet<>();
        tokens.add(cut(normalize(itemId)));
        String name = itemName == null ? "" : normalize(itemName);
        int start = -1;
        for (int i = 0; i <= name.length() && tokens.size() < MAX_TOKENS; i++) {
            boolean word = i < name.length() && Character.isLetterOrDigit(name.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(cut(name.substring(start, i)));
                start = -1;
            }
        }
        tokens.remove("");
        return tokens;
    }

    /** How a search text and tokens are compared: lower case, no separator characters. */
    public static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace(SEPARATOR, ' ');
    }

    /** The sort key of one token row. */
    public static String tokenKey(String token, String itemId) {
        return token + SEPARATOR + itemId;
    }

    private static String cut(String token) {
        return token.length() > MAX_TOKEN_CHARS ? token.substring(0, MAX_TOKEN_CHARS) : token;
    }
}
