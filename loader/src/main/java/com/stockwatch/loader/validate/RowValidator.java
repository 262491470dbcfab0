package com.stockwatch.loader.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.StoreIds;
import com.stockwatch.loader.parse.Columns;
import com.stockwatch.loader.parse.ParsedRow;
import com.stockwatch.loader.parse.RowError;

/**
 * The row rules: {@code item_id} required, at most 256 UTF-8 bytes, no control characters; {@code inventory_level} a
 * whole number from 0 to 1,000,000,000; {@code item_name} optional (defaults to the item id), at most 1,024
 * characters, no control characters (they would reach alert subjects and SMS); {@code low_stock_threshold} optional whole number from 0; the store from the folder, the row or the
 * file, and never different from the folder's.
 */
public final class RowValidator {

    private RowValidator() {
    }

    public static ValidatedRow validate(ParsedRow parsed, FileContext file) {
        long row = parsed.row();
        if (!parsed.readable()) {
            return new ValidatedRow(row, null, List.of(parsed.error()));
        }
        List<RowError> errors = new ArrayList<>(2);

        String store = store(parsed, file, errors);

        String itemId = parsed.value(Columns.ITEM_ID);
        if (itemId == null) {
            errors.add(new RowError(row, Columns.ITEM_ID, RowProblems.REQUIRED));
        } else {
            checkKey(row, Columns.ITEM_ID, itemId, errors);
        }

        String levelText = parsed.value(Columns.INVENTORY_LEVEL);
        long level = -1;
        if (levelText == null) {
            errors.add(new RowError(row, Columns.INVENTORY_LEVEL, RowProblems.LEVEL_REQUIRED));
        } else {
            level = wholeNumber(levelText);
            if (level < 0) {
                errors.add(new RowError(row, Columns.INVENTORY_LEVEL,
                        RowProblems.format(RowProblems.LEVEL_NOT_WHOLE, RowProblems.shown(levelText))));
            }
        }

        String name = parsed.value(Columns.ITEM_NAME);
        if (name != null) {
            int characters = name.codePointCount(0, name.length());
            if (characters > InventoryTable.MAX_ITEM_NAME_CHARS) {
                errors.add(new RowError(row, Columns.ITEM_NAME, RowProblems.format(RowProblems.NAME_TOO_LONG,
                        InventoryTable.MAX_ITEM_NAME_CHARS, characters)));
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                errors.add(new RowError(row, Columns.ITEM_NAME, RowProblems.CONTROL_CHARACTERS));
            }
        }

        OptionalInt threshold = OptionalInt.empty();
        String thresholdText = parsed.value(Columns.LOW_STOCK_THRESHOLD);
        if (thresholdText != null) {
            long value = wholeNumber(thresholdText);
            if (value < 0) {
                errors.add(new RowError(row, Columns.LOW_STOCK_THRESHOLD,
                        RowProblems.format(RowProblems.THRESHOLD_NOT_WHOLE, RowProblems.shown(thresholdText))));
            } else {
                threshold = OptionalInt.of((int) value);
            }
        }

        if (!errors.isEmpty()) {
            return new ValidatedRow(row, null, List.copyOf(errors));
        }
        InventoryItem item = new InventoryItem(store, itemId, name == null ? itemId : name, level, file.fileTime(),
                threshold, file.source());
        return new ValidatedRow(row, item, List.of());
    }

    private static String store(ParsedRow parsed, FileContext file, List<RowError> errors) {
        long row = parsed.row();
        String rowStore = parsed.value(Columns.STORE_ID);
        String stated = rowStore != null ? rowStore : file.declaredStore().filter(s -> !s.isEmpty()).orElse(null);
        if (file.folderStore().isPresent()) {
            String folder = file.folderStore().get();
            if (stated != null && !stated.equals(folder)) {
                errors.add(new RowError(row, Columns.STORE_ID,
                        RowProblems.format(RowProblems.STORE_MISMATCH, RowProblems.shown(stated), folder)));
            }
            return folder;
        }
        if (stated == null) {
            errors.add(new RowError(row, Columns.STORE_ID, RowProblems.STORE_REQUIRED_AT_ROOT));
            return null;
        }
        if (!StoreIds.isValid(stated)) {
            errors.add(new RowError(row, Columns.STORE_ID,
                    RowProblems.format(RowProblems.NOT_A_STORE_ID, RowProblems.shown(stated))));
        }
        return stated;
    }

    private static void checkKey(long row, String field, String value, List<RowError> errors) {
        int bytes = utf8Length(value);
        if (bytes > InventoryTable.MAX_ITEM_ID_BYTES) {
            errors.add(new RowError(row, field,
                    RowProblems.format(RowProblems.TOO_MANY_BYTES, InventoryTable.MAX_ITEM_ID_BYTES, bytes)));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new RowError(row, field, RowProblems.CONTROL_CHARACTERS));
        }
    }

    /** The value of a whole number from 0 to 1,000,000,000 written in plain digits, or -1. */
    static long wholeNumber(String text) {
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        int digits = text.length() - start;
        if (digits == 0 || digits > 10) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= InventoryTable.MAX_INVENTORY_LEVEL ? value : -1;
    }

    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
