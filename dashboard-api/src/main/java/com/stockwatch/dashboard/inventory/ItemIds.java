package com.stockwatch.dashboard.inventory;

import java.nio.charset.StandardCharsets;

import com.stockwatch.inventory.InventoryTable;

/**
 * The item-id rule the loader applies (at most {@link InventoryTable#MAX_ITEM_ID_BYTES} UTF-8 bytes, no control
 * characters), applied to ids that arrive in a URL or a cursor before they reach DynamoDB: an id no item can have
 * is the client's mistake (400 naming the parameter), never a storage error.
 */
public final class ItemIds {

    /** Longest sort value a cursor may carry: DynamoDB's limit for a sort key. */
    static final int MAX_SORT_VALUE_BYTES = 1024;

    private ItemIds() {
    }

    /** @throws BadParameterException naming {@code parameter} when no stored item can have this id */
    public static String requireValid(String itemId, String parameter) {
        if (itemId == null || itemId.isEmpty()) {
            throw new BadParameterException(parameter, parameter + " must not be empty.");
        }
        if (itemId.getBytes(StandardCharsets.UTF_8).length > InventoryTable.MAX_ITEM_ID_BYTES) {
            throw new BadParameterException(parameter, parameter + " must be at most "
                    + InventoryTable.MAX_ITEM_ID_BYTES + " bytes long: no item has a longer id.");
        }
        if (itemId.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException(parameter, parameter + " must not contain control characters.");
        }
        return itemId;
    }

    static boolean fitsSortKey(String sortValue) {
        return sortValue == null || sortValue.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_VALUE_BYTES;
    }
}
