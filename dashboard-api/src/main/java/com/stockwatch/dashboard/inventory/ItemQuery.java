package com.stockwatch.dashboard.inventory;

import java.util.Optional;

import com.stockwatch.inventory.StockStatus;

/**
 * One view of a store's inventory, parsed from the URL parameters {@code status}, {@code q}, {@code sort},
 * {@code cursor} and {@code limit} that the pages, the CSV export and the API share. Parsing checks every parameter
 * and names the first bad one in a {@link BadParameterException}.
 */
public record ItemQuery(
        String store,
        Optional<StockStatus> status,
        String search,
        ItemSort sort,
        boolean descending,
        Optional<Cursor> cursor,
        int limit,
        boolean atRisk) {

    /** The {@code status} value of the "at risk" filter: expected to run out within the forecast horizon. */
    public static final String AT_RISK = "at_risk";

    /** Longest accepted search text. */
    public static final int MAX_SEARCH_CHARS = 256;

    public static ItemQuery parse(String store, String status, String search, String sort, String cursor,
            String limit, int defaultLimit, int maxLimit) {
        boolean atRisk = status != null && status.strip().equals(AT_RISK);
        Optional<StockStatus> parsedStatus = atRisk ? Optional.empty() : parseStatus(status);
        String parsedSearch = search == null ? "" : search.strip();
        if (parsedSearch.length() > MAX_SEARCH_CHARS) {
            throw new BadParameterException("q", "q (search) must be at most " + MAX_SEARCH_CHARS + " characters.");
        }
        boolean descending = sort != null && sort.strip().startsWith("-");
        ItemSort parsedSort = parseSort(sort);
        int parsedLimit = parseLimit(limit, defaultLimit, maxLimit);
        checkCombination(parsedStatus, parsedSearch, parsedSort, descending);
        if (atRisk && !parsedSearch.isEmpty()) {
            throw new BadParameterException("status",
                    "status cannot be combined with a search (search covers all items); clear one of them.");
        }
        if (atRisk && (parsedSort != ItemSort.ITEM || descending)) {
            throw new BadParameterException("sort",
                    "sort cannot be combined with the at risk filter (listed by expected stock-out, soonest first); clear the filter to sort.");
        }
        ItemQuery withoutCursor = new ItemQuery(store, parsedStatus, parsedSearch, parsedSort, descending,
                Optional.empty(), parsedLimit, atRisk);
        if (cursor == null || cursor.isBlank()) {
            return withoutCursor;
        }
        Cursor decoded = Cursor.decode(cursor.strip());
        if (!decoded.store().equals(store) || !decoded.view().equals(withoutCursor.viewKey())) {
            throw new BadParameterException("cursor",
                    "cursor belongs to another store, filter or sort; start again from the first page.");
        }
        return new ItemQuery(store, parsedStatus, parsedSearch, parsedSort, descending, Optional.of(decoded),
                parsedLimit, atRisk);
    }

    /**
     * Each view is answered from one index in that index's order, so search, status filter and sort do not
     * combine: search lists matches by the matching word, "out of stock" and "low" list the status index.
     */
    private static void checkCombination(Optional<StockStatus> status, String search, ItemSort sort,
            boolean descending) {
        boolean sorted = sort != ItemSort.ITEM || descending;
        if (!search.isEmpty() && status.isPresent()) {
            throw new BadParameterException("status",
                    "status cannot be combined with a search (search covers all items); clear one of them.");
        }
        if (!search.isEmpty() && sorted) {
            throw new BadParameterException("sort",
                    "sort cannot be combined with a search (results are listed by the matching word); clear the search to sort.");
        }
        if (status.isPresent() && status.get() != StockStatus.IN_STOCK && sorted) {
            throw new BadParameterException("sort",
                    "sort cannot be combined with the out of stock or low filter (listed as the status index holds them); clear the filter to sort.");
        }
        if (status.isPresent() && sort != ItemSort.ITEM) {
            throw new BadParameterException("sort", "sort cannot be combined with a status filter (sorting covers all items); clear the filter to sort.");
        }
    }

    private static Optional<StockStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(StockStatus.fromParameter(status).orElseThrow(() -> new BadParameterException("status",
                "status must be one of out_of_stock, low, in_stock, at_risk.")));
    }

    private static ItemSort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return ItemSort.ITEM;
        }
        String name = sort.strip();
        if (name.startsWith("-")) {
            name = name.substring(1);
        }
        return ItemSort.fromParameter(name).orElseThrow(() -> new BadParameterException("sort",
                "sort must be one of item, name, level (with - in front for descending)."));
    }

    private static int parseLimit(String limit, int defaultLimit, int maxLimit) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        String message = "limit must be a whole number from 1 to " + maxLimit + ".";
        try {
            int value = Integer.parseInt(limit.strip());
            if (value < 1 || value > maxLimit) {
                throw new BadParameterException("limit", message);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadParameterException("limit", message);
        }
    }

    /** Identifies filter, search and order, so a cursor is only accepted by the view that issued it. */
    public String viewKey() {
        String text = statusParameter().orElse("") + '|' + search + '|' + sortParameter();
        return Integer.toHexString(text.hashCode());
    }

    /** The {@code status} parameter value of this view: a status, {@link #AT_RISK}, or none. */
    public Optional<String> statusParameter() {
        return atRisk ? Optional.of(AT_RISK) : status.map(StockStatus::parameter);
    }

    /** The {@code sort} parameter value of this view ({@code level}, {@code -updated}, ...). */
    public String sortParameter() {
        return (descending ? "-" : "") + sort.parameter();
    }

    /** The same view from its first page. */
    public ItemQuery firstPage() {
        return new ItemQuery(store, status, search, sort, descending, Optional.empty(), limit, atRisk);
    }

    /** The same view with another page size. */
    public ItemQuery withLimit(int newLimit) {
        return new ItemQuery(store, status, search, sort, descending, cursor, newLimit, atRisk);
    }

    /** The same view from {@code next} on. */
    public ItemQuery withCursor(Cursor next) {
        return new ItemQuery(store, status, search, sort, descending, Optional.of(next), limit, atRisk);
    }
}
