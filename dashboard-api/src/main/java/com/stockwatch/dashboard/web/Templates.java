package com.stockwatch.dashboard.web;

import java.util.List;

import com.stockwatch.dashboard.stores.StoreDirectory;

import com.stockwatch.dashboard.alerts.AlertView;
import com.stockwatch.dashboard.alerts.DigestView;
import com.stockwatch.dashboard.imports.ImportView;
import com.stockwatch.dashboard.inventory.ItemHistory;
import com.stockwatch.dashboard.inventory.ItemView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages, checked at build time against these parameter types; all share {@code templates/layout.html}. */
@CheckedTemplate(basePath = "pages")
public final class Templates {

    private Templates() {
    }

    /**
     * @param sort     the order shown ({@code store} or {@code out_of_stock})
     * @param nextUrl  the next page, {@code null} on the last
     * @param continued whether this is not the first page
     */
    public static native TemplateInstance overview(PageContext page, List<StoreDirectory.StoreRow> summaries,
            String sort, String nextUrl, boolean continued);

    public static native TemplateInstance inventory(PageContext page, InventoryViewModel model);

    /** The part of the inventory page the 30-second refresh replaces. */
    public static native TemplateInstance inventory$results(PageContext page, InventoryViewModel model);

    /** @param chart the history chart, {@code null} before the item's first recorded level change */
    public static native TemplateInstance item(PageContext page, ItemView item, ItemHistory history, ItemChart chart,
            long horizonDays);

    /** What a GET of {@code /logout} shows: signing out takes the button's CSRF-checked POST. */
    public static native TemplateInstance signOut(PageContext page);

    public static native TemplateInstance imports(PageContext page, List<ImportView> imports);

    public static native TemplateInstance alerts(PageContext page, List<AlertView> alerts, List<DigestView> digests,
            String digest);

    public static native TemplateInstance upload(PageContext page, String accept, String allowed, long maxMiB);

    public static native TemplateInstance error(PageContext page, int status, String heading, String message);

    public static native TemplateInstance loggedOut(PageContext page);
}
