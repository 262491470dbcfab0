package com.stockwatch.testing.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.stockwatch.testing.EmulatorProcess;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Cognito-shaped OIDC provider for a {@code @QuarkusTest}: mock-oauth2-server from {@code emulators/oidc} as a
 * child process (started once per JVM), with the application's {@code quarkus.oidc.*} pointed at it. Tokens for
 * tests come from {@link #tokens()}; a browser-like login through its form from {@link OidcLogin}.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {

    /** Issuer path, standing in for the Cognito user pool id. */
    public static final String ISSUER_ID = "cognito";
    /** The app client id the dashboard is configured with. */
    public static final String CLIENT_ID = "stockwatch-dashboard";
    public static final String CLIENT_SECRET = "local-client-secret";
    /** Scope of access tokens issued by the login and by {@link OidcTokens#accessToken}. */
    public static final String SCOPE = "openid stockwatch/dashboard";

    private static EmulatorProcess provider;

    /** The provider of this JVM, started on first use. */
    public static synchronized EmulatorProcess provider() {
        if (provider == null || !provider.isAlive()) {
            provider = EmulatorProcess.start("oidc", "oidc", "com.stockwatch.emulators.oidc.OidcProviderMain",
                    List.of("--port", "0", "--issuer-id", ISSUER_ID, "--scope", SCOPE));
        }
        return provider;
    }

    /** {@code http://127.0.0.1:<port>/cognito}: the issuer, as {@code iss} and as {@code auth-server-url}. */
    public static URI issuer() {
        return URI.create(provider().endpoint() + "/" + ISSUER_ID);
    }

    public static OidcTokens tokens() {
        return new OidcTokens(provider().endpoint(), issuer().toString(), CLIENT_ID, SCOPE);
    }

    @Override
    public Map<String, String> start() {
        String issuer = issuer().toString();
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "quarkus.oidc.api.auth-server-url", issuer,
                "quarkus.oidc.api.client-id", CLIENT_ID);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM (its standard input closes).
    }
}
