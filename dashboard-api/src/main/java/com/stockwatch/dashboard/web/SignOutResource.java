package com.stockwatch.dashboard.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.stockwatch.dashboard.access.CurrentUser;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Signing out is a form POST carrying the CSRF token (quarkus-rest-csrf checks it before this runs), so a page on
 * another site cannot sign a user out: SameSite=Lax cookies travel with cross-site top-level GETs, and quarkus-oidc's
 * own {@code logout.path} would act on any GET. The POST removes the session cookies, then sends the browser to the
 * provider's end-session endpoint (Cognito: {@code /logout?client_id=...&logout_uri=...}), which returns it to
 * {@code post-logout-path}. A GET only shows the sign-out button.
 */
@Path("/logout")
public class SignOutResource {

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.oidc.logout.post-logout-path")
    String postLogoutPath;

    @ConfigProperty(name = "quarkus.oidc.logout.post-logout-uri-param", defaultValue = "post_logout_redirect_uri")
    String postLogoutUriParam;

    @ConfigProperty(name = "quarkus.oidc.authentication.force-redirect-https-scheme", defaultValue = "false")
    boolean forceHttps;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance confirm() {
        return Templates.signOut(new PageContext("Sign out", user.displayName(), user.access().isAdmin(), null,
                "sign-out"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> signOut(@Context UriInfo uri) {
        URI back = uri.getBaseUriBuilder().replacePath(postLogoutPath).replaceQuery(null)
                .scheme(forceHttps ? "https" : uri.getBaseUri().getScheme()).build();
        URI endSession = endSessionRedirect(provider.getEndSessionUri(), postLogoutUriParam, back, clientId);
        return session.logout().replaceWith(Response.seeOther(endSession).build());
    }

    /** The provider's end-session URL with where to return to and the client id (Cognito requires both). */
    static URI endSessionRedirect(String endSessionUri, String returnParam, URI returnTo, String clientId) {
        String separator = endSessionUri.contains("?") ? "&" : "?";
        return URI.create(endSessionUri + separator + returnParam + "=" + encode(returnTo.toString())
                + "&client_id=" + encode(clientId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
