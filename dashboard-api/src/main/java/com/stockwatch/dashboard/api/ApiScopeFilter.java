package com.stockwatch.dashboard.api;

import java.util.Arrays;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.stockwatch.dashboard.DashboardConfig;

/**
 * Cognito cannot tell ID and access tokens apart by audience, so the API requires its scope in the access token
 * ({@code client_id} and {@code token_use=access} are required claims of the OIDC {@code api} tenant).
 */
public class ApiScopeFilter {

    @Inject
    JsonWebToken token;

    /** Looked up per request: the filter is created at static init, before runtime configuration exists. */
    @Inject
    Instance<DashboardConfig> config;

    @ServerRequestFilter
    public Response requireScope(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        Object scope = token.getClaim("scope");
        String scopes = scope instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(scope);
        boolean granted = scope != null && Arrays.asList(scopes.split(" ")).contains(config.get().apiScope());
        if (granted) {
            return null;
        }
        return Response.status(403).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + config.get().apiScope() + "\"")
                .entity(new ApiError(ApiError.INSUFFICIENT_SCOPE, null,
                        "The access token lacks the scope " + config.get().apiScope() + "."))
                .build();
    }
}
