package com.stockwatch.dashboard.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.stockwatch.dashboard.DashboardConfig;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of this request: display name and {@link StoreAccess}. Roles are the token's
 * {@code cognito:groups} ({@code quarkus.oidc.roles.role-claim-path}).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    DashboardConfig config;

    private StoreAccess access;

    public StoreAccess access() {
        if (access == null) {
            access = StoreAccess.fromGroups(identity.getRoles(), config.adminGroup(), config.storeGroupPrefix());
        }
        return access;
    }

    /** {@code cognito:username} of the ID token when there is one, else the principal name. */
    public String displayName() {
        if (idToken != null && idToken.getRawToken() != null) {
            Object name = idToken.getClaim("cognito:username");
            if (name != null) {
                return name.toString();
            }
        }
        return identity.getPrincipal().getName();
    }
}
