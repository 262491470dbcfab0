package com.stockwatch.dashboard.api;

import java.util.List;

/** The stores the caller may see; {@code admin} when that is every store. */
public record StoresResponse(List<String> stores, boolean admin) {
}
