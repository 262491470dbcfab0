package com.stockwatch.loader.validate;

import java.util.Locale;

/**
 * What can be wrong with one field of a row, in words a store clerk understands. Shown after
 * {@code "Row 7, inventory_level: "}; tests assert on these texts.
 */
public final class RowProblems {

    public static final String REQUIRED = "is required";
    public static final String TOO_MANY_BYTES = "must be at most %,d bytes long (got %,d bytes)";
    public static final String CONTROL_CHARACTERS =
            "must not contain control characters such as tabs or line breaks";
    public static final String LEVEL_REQUIRED = "is required: a whole number from 0 to 1,000,000,000";
    public static final String LEVEL_NOT_WHOLE = "must be a whole number from 0 to 1,000,000,000 (got \"%s\")";
    public static final String NAME_TOO_LONG = "must be at most %,d characters long (got %,d)";
    public static final String THRESHOLD_NOT_WHOLE =
            "must be empty or a whole number from 0 to 1,000,000,000 (got \"%s\")";
    public static final String STORE_MISMATCH = "is \"%s\" but the file is in the folder of store \"%s\"";
    public static final String STORE_REQUIRED_AT_ROOT = "is required because the file is not in a store's folder";
    public static final String NOT_A_STORE_ID = "is \"%s\", which is not a store id: a store id "
            + com.stockwatch.inventory.StoreIds.RULE;

    private static final int SHOWN_CHARACTERS = 40;

    private RowProblems() {
    }

    /** Fills a template with English number formatting (1,024), whatever the machine's locale. */
    public static String format(String template, Object... arguments) {
        return String.format(Locale.ROOT, template.replace("%,d", "%s"), group(arguments));
    }

    private static Object[] group(Object[] arguments) {
        Object[] result = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            result[i] = arguments[i] instanceof Number n ? String.format(Locale.US, "%,d", n.longValue()) : arguments[i];
        }
        return result;
    }

    /** A value as quoted back to the clerk: at most 40 characters, control characters shown as {@code ?}. */
    public static String shown(String value) {
        StringBuilder text = new StringBuilder(Math.min(value.length(), SHOWN_CHARACTERS + 3));
        for (int i = 0; i < value.length() && i < SHOWN_CHARACTERS; i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) || c == '"' ? (c == '"' ? '\'' : '?') : c);
        }
        if (value.length() > SHOWN_CHARACTERS) {
            text.append("...");
        }
        return text.toString();
    }
}
