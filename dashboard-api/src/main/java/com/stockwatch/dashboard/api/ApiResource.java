package com.stockwatch.dashboard.api;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.dashboard.access.CurrentUser;
import com.stockwatch.dashboard.alerts.AlertView;
import com.stockwatch.dashboard.alerts.AlertsService;
import com.stockwatch.dashboard.alerts.DigestView;
import com.stockwatch.dashboard.imports.ImportView;
import com.stockwatch.dashboard.imports.ImportsService;
import com.stockwatch.dashboard.inventory.InventoryService;
import com.stockwatch.dashboard.inventory.ItemPage;
import com.stockwatch.dashboard.inventory.ItemQuery;
import com.stockwatch.dashboard.inventory.ItemView;
import com.stockwatch.dashboard.stores.StoreDirectory;
import com.stockwatch.dashboard.uploads.UploadService;
import com.stockwatch.dashboard.uploads.UploadTicket;

import io.quarkus.security.Authenticated;

/**
 * The JSON API: the same views as the pages, for Cognito access tokens ({@code Authorization: Bearer}) that carry
 * this app's {@code client_id}, {@code token_use=access} and the API scope.
 */
@Path("/api/stores")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
@SecurityScheme(securitySchemeName = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Cognito access token with the stockwatch/dashboard scope")
@SecurityRequirement(name = "cognito")
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "The token lacks the scope, or the store is not one of the caller's",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class ApiResource {

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
    @Operation(summary = "Stores the caller may see")
    public StoresResponse stores() {
        return new StoresResponse(directory.visibleStores(user.access()), user.access().isAdmin());
    }

    @GET
    @Path("{store}/items")
    @Operation(summary = "One page of a store's items: search, status filter, sort, cursor paging")
    @APIResponse(responseCode = "200", description = "A page of items",
            content = @Content(schema = @Schema(implementation = ItemsResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ItemsResponse items(@PathParam("store") String store,
            @Parameter(description = "out_of_stock, low, in_stock, or at_risk (expected out of stock within the forecast horizon, soonest first)") @QueryParam("status") String status,
            @Parameter(description = "Text in the item id or name (case-insensitive)") @QueryParam("q") String q,
            @Parameter(description = "item, name, level or updated; - in front for descending") @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        user.access().requireStore(store);
        ItemQuery query = ItemQuery.parse(store, status, q, sort, cursor, limit, config.pageSize(),
                config.maxPageSize());
        ItemPage page = inventory.page(query);
        return new ItemsResponse(store, page.items(), page.nextCursor().orElse(null), inventory.totals(store));
    }

    @GET
    @Path("{store}/items/{item}")
    @Operation(summary = "One item")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "The store has no such item",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response item(@PathParam("store") String store, @PathParam("item") String itemId) {
        user.access().requireStore(store);
        Optional<ItemView> item = inventory.item(store, itemId);
        return item.map(i -> Response.ok(i).build())
                .orElseGet(() -> Response.status(404).entity(new ApiError(ApiError.NOT_FOUND, null,
                        "Store " + store + " has no item " + itemId + ".")).build());
    }

    @GET
    @Path("{store}/imports")
    @Operation(summary = "Recent imports of the store with their rejected rows, newest first")
    public List<ImportView> imports(@PathParam("store") String store,
            @Parameter(description = "Only the imports of this object key (as returned by uploads)") @QueryParam("key") String key) {
        user.access().requireStore(store);
        return imports.recent(store, Optional.ofNullable(key).filter(k -> !k.isBlank()));
    }

    @GET
    @Path("{store}/alerts")
    @Operation(summary = "Recent stock alerts of the store, newest first")
    public List<AlertView> alerts(@PathParam("store") String store,
            @Parameter(description = "Only the alerts this digest carried (a digest's digestId)") @QueryParam("digest") String digest) {
        user.access().requireStore(store);
        return digest == null || digest.isBlank() ? alerts.recent(store) : alerts.ofDigest(store, digest);
    }

    @GET
    @Path("{store}/digests")
    @Operation(summary = "Recent digests of the store (alerts held after the first few of a window), newest first")
    public List<DigestView> digests(@PathParam("store") String store) {
        user.access().requireStore(store);
        return alerts.digests(store);
    }

    @POST
    @Path("{store}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A presigned S3 PUT URL for one file under the store's prefix")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UploadTicket.class)))
    @APIResponse(responseCode = "400", description = "Bad fileName (extension) or size (limit)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public UploadTicket upload(@PathParam("store") String store, UploadRequest request) {
        user.access().requireStore(store);
        UploadRequest body = request == null ? new UploadRequest(null, null) : request;
        return uploads.presign(store, body.fileName(), body.size());
    }
}
