package com.stockwatch.dashboard.api;

import java.util.List;

import com.stockwatch.dashboard.inventory.ItemView;
import com.stockwatch.dashboard.inventory.Totals;

/**
 * One page of items: {@code nextCursor} is absent on the last page; pass it back as {@code cursor} with the same
 * {@code status}, {@code q} and {@code sort}.
 */
public record ItemsResponse(String store, List<ItemView> items, String nextCursor, Totals totals) {
}
