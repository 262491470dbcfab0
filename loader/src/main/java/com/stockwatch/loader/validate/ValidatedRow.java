package com.stockwatch.loader.validate;

import java.util.List;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.loader.parse.RowError;

/**
 * A row after validation: an item to store, or the reasons (one per faulty field) why the row is rejected.
 *
 * @param row    row number
 * @param item   the item, or {@code null} when rejected
 * @param errors empty when {@code item} is set
 */
public record ValidatedRow(long row, InventoryItem item, List<RowError> errors) {

    public boolean valid() {
        return item != null;
    }
}
