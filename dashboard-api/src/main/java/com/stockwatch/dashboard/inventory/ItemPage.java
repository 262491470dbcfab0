package com.stockwatch.dashboard.inventory;

import java.util.List;
import java.util.Optional;

/** One page of a view and the cursor of the next page, empty on the last one. */
public record ItemPage(List<ItemView> items, Optional<String> nextCursor) {
}
