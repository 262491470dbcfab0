package com.stockwatch.dashboard.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.dashboard.access.CurrentUser;
import com.stockwatch.dashboard.alerts.AlertsService;
import com.stockwatch.dashboard.imports.ImportView;
import com.stockwatch.dashboard.imports.ImportsService;
import com.stockwatch.dashboard.inventory.CsvExport;
import com.stockwatch.dashboard.inventory.InventoryService;
import com.stockwatch.dashboard.inventory.ItemQuery;
import com.stockwatch.dashboard.inventory.ItemHistory;
import com.stockwatch.dashboard.inventory.ItemView;
import com.stockwatch.dashboard.stores.StoreDirectory;
import com.stockwatch.dashboard.uploads.UploadService;
import com.stockwatch.dashboard.uploads.UploadTicket;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The browser pages (authorization code flow, session in an encrypted cookie). Thin: access checks go to
 * {@link com.stockwatch.dashboard.access.StoreAccess}, reads to the services, display to the templates.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    @Inject
    CurrentUser user;
    @Inject
    DashboardConfig config;
    @Inject
    StoreDirectory directory;
    @Inject
    InventoryService inventory;
    @Inject
    ImportsService imports;
    @Inject
    AlertsService alerts;
    @Inject
    UploadService uploads;

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview(@QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        StoreDirectory.Order order = StoreDirectory.Order.parse(sort);
        StoreDirectory.StorePage page = directory.overview(user.access(), order, cursor, config.storesPageSize());
        String sortQuery = order == StoreDirectory.Order.STORE ? "" : "sort=" + order.parameter();
        String next = page.nextCursor().map(c -> "/?" + (sortQuery.isEmpty() ? "" : sortQuery + "&") + "cursor=" + c)
                .orElse(null);
        return Templates.overview(context("Stores", null, "overview"), page.rows(), order.parameter(), next,
                cursor != null && !cursor.isBlank());
    }

    @GET
    @Path("stores/{store}")
    @Operation(hidden = true)
    public TemplateInstance inventoryPage(@PathParam("store") String store, @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        InventoryViewModel model = model(store, status, q, sort, cursor, limit);
        return Templates.inventory(context("Inventory of " + store, store, "inventory"), model);
    }

    @GET
    @Path("stores/{store}/results")
    @Operation(hidden = true)
    public TemplateInstance results(@PathParam("store") String store, @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        InventoryViewModel model = model(store, status, q, sort, cursor, limit);
        return Templates.inventory$results(context("Inventory of " + store, store, "inventory"), model);
    }

    @GET
    @Path("stores/{store}/inventory.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("store") String store, @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        user.access().requireStore(store);
        ItemQuery query = ItemQuery.parse(store, status, q, sort, cursor, null, config.pageSize(),
                config.maxPageSize());
        // Buffered, not streamed: a Lambda response is one payload (at most 6 MB). A bigger view comes in parts of
        // at most maxExportRows rows / maxExportBytes; each part's Link header names the next.
        StringWriter out = new StringWriter();
        Optional<String> next;
        try {
            CsvExport.writeHeader(out);
            next = inventory.export(query, config.maxExportRows(),
                    () -> out.getBuffer().length() < config.maxExportBytes(), item -> {
                        try {
                            CsvExport.writeRow(out, item);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = out.toString();
        Response.ResponseBuilder response = Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"inventory-" + store
                        + (query.cursor().isPresent() ? "-continued" : "") + ".csv\"");
        next.ifPresent(after -> response.header("Link", "<" + InventoryViewModel.csvUrl(store, query, after)
                + ">; rel=\"next\""));
        return response.build();
    }

    @GET
    @Path("stores/{store}/items/{item}")
    @Operation(hidden = true)
    public Response item(@PathParam("store") String store, @PathParam("item") String itemId) {
        user.access().requireStore(store);
        Optional<ItemView> item = inventory.item(store, itemId);
        if (item.isEmpty()) {
            return Response.status(404).entity(Templates.error(context("Item not found", store, "inventory"), 404,
                    "Item not found", "Store " + store + " has no item " + itemId + ".")).build();
        }
        ItemHistory history = inventory.history(store, itemId);
        return Response.ok(Templates.item(context(item.get().itemName(), store, "inventory"), item.get(), history,
                ItemChart.of(history), inventory.horizon().toDays())).build();
    }

    @GET
    @Path("stores/{store}/imports")
    @Operation(hidden = true)
    public TemplateInstance importsPage(@PathParam("store") String store) {
        user.access().requireStore(store);
        return Templates.imports(context("Imports of " + store, store, "imports"),
                imports.recent(store, Optional.empty()));
    }

    /** The upload page follows its file here (same-origin, session cookie). */
    @GET
    @Path("stores/{store}/imports.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<ImportView> importsJson(@PathParam("store") String store, @QueryParam("key") String key) {
        user.access().requireStore(store);
        return imports.recent(store, Optional.ofNullable(key).filter(k -> !k.isBlank()));
    }

    @GET
    @Path("stores/{store}/alerts")
    @Operation(hidden = true)
    public TemplateInstance alertsPage(@PathParam("store") String store, @QueryParam("digest") String digest) {
        user.access().requireStore(store);
        Optional<String> digestId = Optional.ofNullable(digest).filter(d -> !d.isBlank());
        return Templates.alerts(context("Alerts of " + store, store, "alerts"),
                digestId.map(id -> alerts.ofDigest(store, id)).orElseGet(() -> alerts.recent(store)),
                alerts.digests(store), digestId.orElse(""));
    }

    @GET
    @Path("stores/{store}/upload")
    @Operation(hidden = true)
    public TemplateInstance uploadPage(@PathParam("store") String store) {
        user.access().requireStore(store);
        return Templates.upload(context("Upload to " + store, store, "upload"),
                uploads.policy().acceptAttribute(), uploads.policy().allowedSuffixes(),
                uploads.policy().maxBytes() / (1024 * 1024));
    }

    /** Form POST from the upload page (CSRF-checked): answers the presigned PUT as JSON. */
    @POST
    @Path("stores/{store}/uploads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public UploadTicket presign(@PathParam("store") String store, @FormParam("fileName") String fileName,
            @FormParam("size") Long size) {
        user.access().requireStore(store);
        return uploads.presign(store, fileName, size);
    }

    private InventoryViewModel model(String store, String status, String q, String sort, String cursor,
            String limit) {
        user.access().requireStore(store);
        ItemQuery query = ItemQuery.parse(store, status, q, sort, cursor, limit, config.pageSize(),
                config.maxPageSize());
        return new InventoryViewModel(store, query, inventory.page(query), inventory.totals(store),
                config.refreshSeconds(), config.pageSize(), inventory.horizon().toDays());
    }

    PageContext context(String title, String store, String section) {
        return new PageContext(title, user.displayName(), user.access().isAdmin(), store, section);
    }
}
