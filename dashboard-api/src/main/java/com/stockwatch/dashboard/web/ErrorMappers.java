package com.stockwatch.dashboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import com.stockwatch.dashboard.access.CurrentUser;
import com.stockwatch.dashboard.access.StoreForbiddenException;
import com.stockwatch.dashboard.api.ApiError;
import com.stockwatch.dashboard.inventory.BadParameterException;

/** 400, 403 and 503 as a friendly page for the browser and as {@link ApiError} JSON under {@code /api}. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    CurrentUser user;

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            return json(400, new ApiError(ApiError.BAD_PARAMETER, e.parameter(), e.getMessage()));
        }
        return page(400, "That view does not exist", "Bad parameter " + e.parameter() + ": " + e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(StoreForbiddenException e, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            return json(403, new ApiError(ApiError.FORBIDDEN, null, e.getMessage()));
        }
        return page(403, "No access to this store",
                e.getMessage() + " Ask an administrator to add you to the group store-" + e.store()
                        + ", or pick one of your stores.");
    }

    /**
     * Storage unreachable (I/O), throttling or a 5xx: a 503 "try again" state instead of a stack trace. Any other
     * answer (DynamoDB's ValidationException, an access denial) is no outage but a request the dashboard should not
     * have sent: a 500 and an ERROR, so it is fixed rather than waited out. Ids and cursors are checked before any
     * call ({@link com.stockwatch.dashboard.inventory.ItemIds}), so a client's mistake is a 400 naming the parameter.
     */
    @ServerExceptionMapper
    public Response storageUnavailable(SdkException e, UriInfo uri,
            HttpHeaders headers) {
        if (!isOutage(e)) {
            LOG.errorf(e, "storage refused the request for %s", uri.getPath());
            if (wantsJson(uri, headers)) {
                return json(500, new ApiError(ApiError.INTERNAL, null, "The request failed; it was logged."));
            }
            return page(500, "Something went wrong", "The request failed and was logged for the team to fix.");
        }
        LOG.warnf("inventory storage failed for %s: %s", uri.getPath(), e.toString());
        if (wantsJson(uri, headers)) {
            return json(503, new ApiError(ApiError.UNAVAILABLE, null,
                    "The inventory cannot be read right now; try again in a moment."));
        }
        return page(503, "The inventory cannot be read right now",
                "The inventory storage did not answer. Try again in a moment; the page refreshes by itself.");
    }

    static boolean isOutage(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    /**
     * JSON for the API, and for the pages' own script calls (the upload page's presign request asks for JSON): an
     * HTML error page there would reach the script as "Unexpected token '<'".
     */
    private static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        java.util.List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && MediaType.APPLICATION_JSON_TYPE.isCompatible(accepted.get(0))
                && !accepted.get(0).isWildcardType();
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    private Response page(int status, String heading, String message) {
        PageContext context = new PageContext(heading, user.displayName(), user.access().isAdmin(),
                null, "error");
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.error(context, status, heading, message)).build();
    }
}
