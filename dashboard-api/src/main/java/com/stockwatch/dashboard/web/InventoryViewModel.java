package com.stockwatch.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.stockwatch.dashboard.inventory.ItemPage;
import com.stockwatch.dashboard.inventory.ItemQuery;
import com.stockwatch.dashboard.inventory.ItemSort;
import com.stockwatch.dashboard.inventory.ItemView;
import com.stockwatch.dashboard.inventory.Totals;
import com.stockwatch.inventory.StockStatus;

/**
 * Everything the inventory page shows, with its links already built, so that filter, sort and page live in the URL
 * (bookmarkable) and the template only prints values (escaped by Qute).
 */
public record InventoryViewModel(
        String store,
        ItemQuery query,
        ItemPage page,
        Totals totals,
        int refreshSeconds,
        int defaultLimit,
        long horizonDays) {

    /** A column header: label, link that sorts by it, {@code aria-sort} value, numeric (right-aligned). */
    public record SortHeader(String label, String url, String ariaSort, boolean numeric) {
    }

    /** A status filter choice. */
    public record StatusOption(String value, String label, boolean selected) {
    }

    public List<ItemView> items() {
        return page.items();
    }

    public boolean hasItems() {
        return !page.items().isEmpty();
    }

    /** Whether a search or filter narrowed the view (then "no results" differs from "no items"). */
    public boolean narrowed() {
        return query.status().isPresent() || query.atRisk() || !query.search().isEmpty();
    }

    public boolean isFirstPage() {
        return query.cursor().isEmpty();
    }

    public String search() {
        return query.search();
    }

    public String sortParameter() {
        return query.sortParameter();
    }

    public int limit() {
        return query.limit();
    }

    public String statusLabel() {
        return query.atRisk() ? "at risk (out within " + horizonDays + " days)"
                : query.status().map(StockStatus::label).orElse("all");
    }

    public List<StatusOption> statusOptions() {
        List<StatusOption> options = new ArrayList<>();
        options.add(new StatusOption("", "All statuses", query.status().isEmpty()));
        for (StockStatus status : StockStatus.values()) {
            options.add(new StatusOption(status.parameter(), status.label(),
                    query.status().map(s -> s == status).orElse(false)));
        }
        options.add(new StatusOption(ItemQuery.AT_RISK, "At risk (out within " + horizonDays + " days)",
                query.atRisk()));
        return options;
    }

    public List<SortHeader> headers() {
        List<SortHeader> headers = new ArrayList<>();
        for (ItemSort sort : ItemSort.values()) {
            boolean active = query.sort() == sort;
            String aria = active ? (query.descending() ? "descending" : "ascending") : "none";
            String next = active && !query.descending() ? "-" + sort.parameter() : sort.parameter();
            headers.add(new SortHeader(sort.label(), sortUrl(next), aria, sort == ItemSort.LEVEL));
        }
        // No index sorts by last update (every file rewrites it for every item): a plain header.
        headers.add(new SortHeader("Last update", null, "none", false));
        return headers;
    }

    /**
     * The link of a sort header: sorting covers all items, so it leaves search and status filter (each view is
     * answered from one index).
     */
    private String sortUrl(String sort) {
        StringBuilder text = new StringBuilder(storeUrl());
        if (!sort.equals("item")) {
            text.append("?sort=").append(encode(sort));
        }
        if (query.limit() != defaultLimit) {
            text.append(text.indexOf("?") < 0 ? '?' : '&').append("limit=").append(query.limit());
        }
        return text.toString();
    }

    public String nextUrl() {
        return page.nextCursor().map(c -> url(Optional.of(query.sortParameter()), Optional.of(c))).orElse(null);
    }

    public String firstUrl() {
        return url(Optional.of(query.sortParameter()), Optional.empty());
    }

    /** The same view (this page) as CSV. */
    public String csvUrl() {
        return "/stores/" + encode(store) + "/inventory.csv" + queryString(Optional.of(query.sortParameter()),
                query.cursor().map(c -> c.encode()));
    }

    /** The CSV export of {@code query}'s view from {@code cursor} on (the next part of an export). */
    static String csvUrl(String store, ItemQuery query, String cursor) {
        StringBuilder text = new StringBuilder("/stores/").append(encode(store)).append("/inventory.csv?");
        query.statusParameter().ifPresent(s -> text.append("status=").append(s).append('&'));
        if (!query.search().isEmpty()) {
            text.append("q=").append(encode(query.search())).append('&');
        }
        if (!query.sortParameter().equals("item")) {
            text.append("sort=").append(encode(query.sortParameter())).append('&');
        }
        return text.append("cursor=").append(encode(cursor)).toString();
    }

    /** The results region of this very page, fetched every {@link #refreshSeconds()} seconds. */
    public String resultsUrl() {
        return "/stores/" + encode(store) + "/results" + queryString(Optional.of(query.sortParameter()),
                query.cursor().map(c -> c.encode()));
    }

    public String storeUrl() {
        return "/stores/" + encode(store);
    }

    private String url(Optional<String> sort, Optional<String> cursor) {
        return storeUrl() + queryString(sort, cursor);
    }

    private String queryString(Optional<String> sort, Optional<String> cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        query.statusParameter().ifPresent(s -> params.put("status", s));
        if (!query.search().isEmpty()) {
            params.put("q", query.search());
        }
        sort.filter(s -> !s.equals("item")).ifPresent(s -> params.put("sort", s));
        cursor.ifPresent(c -> params.put("cursor", c));
        if (query.limit() != defaultLimit) {
            params.put("limit", Integer.toString(query.limit()));
        }
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(text.isEmpty() ? '?' : '&').append(name).append('=')
                .append(encode(value)));
        return text.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
