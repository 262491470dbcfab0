package com.stockwatch.emulators.oidc;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.stockwatch.emulators.ChildProcess;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A Cognito stand-in on 127.0.0.1: mock-oauth2-server with interactive login (a form where a user name and claims
 * such as {@code {"cognito:groups": ["admin"]}} are typed) and Cognito-shaped tokens ({@link CognitoTokenCallback}).
 *
 * <p>Options: {@code --port N} (0 = a free port), {@code --issuer-id ID} (default {@code cognito}; the issuer is
 * {@code <base-url>/<ID>}), {@code --scope S} (the access token's {@code scope}, default
 * {@code openid stockwatch/dashboard}), {@code --token-expiry SECONDS} (default 3600). Prints
 * {@code READY <base-url>} once it serves; stops when standard input closes.
 *
 * <p>Extra routes:
 * <ul>
 * <li>{@code POST /_mint} with JSON {@code {"issuerId": "cognito", "claims": {...}, "expiresInSeconds": 3600,
 * "foreignKey": false}} answers {@code {"token": "<jwt>"}}: a token with exactly these claims (plus {@code iat},
 * {@code nbf}, {@code exp}) signed with the issuer's key, or with a freshly generated key carrying the same key id
 * when {@code foreignKey} is true. Tests use it for valid, expired, wrong-issuer, wrong-client and bad-signature
 * tokens.</li>
 * <li>{@code GET /<issuer>/endsession?logout_uri=...} redirects to {@code logout_uri}, as Cognito's
 * {@code /logout?client_id=...&logout_uri=...} does.</li>
 * </ul>
 */
public final class OidcProviderMain {

    private OidcProviderMain() {
    }

    public static void main(String[] args) {
        try {
            ChildProcess process = ChildProcess.fromArgs(args);
            String issuerId = process.option("issuer-id", "cognito");
            String scope = process.option("scope", "openid stockwatch/dashboard");
            long expiry = Long.parseLong(process.option("token-expiry", "3600"));

            MockOAuth2Server server = start(issuerId, scope, expiry, process.port());
            // The issuer follows the request's host: announce the loopback address so every client uses the same one.
            String baseUrl = "http://127.0.0.1:" + server.baseUrl().port();
            process.ready(baseUrl, server::shutdown);
        } catch (Throwable e) {
            ChildProcess.fail("oidc", e);
        }
    }

    /** Starts the provider on 127.0.0.1 ({@code port} 0: a free one). */
    static MockOAuth2Server start(String issuerId, String scope, long expiry, int port) throws Exception {
        OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
        OAuth2Config config = new OAuth2Config(true, null, null, false, tokenProvider,
                Set.of(new CognitoTokenCallback(issuerId, scope, expiry)), new NettyWrapper());
        MockOAuth2Server server = new MockOAuth2Server(config, new MintRoute(tokenProvider), new CognitoLogoutRoute());
        server.start(InetAddress.getByName("127.0.0.1"), port);
        return server;
    }

    /** {@code POST /_mint}: signs whatever claims a test asks for. */
    static final class MintRoute implements Route {
        private final OAuth2TokenProvider tokenProvider;

        MintRoute(OAuth2TokenProvider tokenProvider) {
            this.tokenProvider = tokenProvider;
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return "POST".equals(request.getMethod()) && "/_mint".equals(request.getUrl().encodedPath());
        }

        @Override
        @SuppressWarnings("unchecked")
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            try {
                Map<String, Object> body = JSONObjectUtils.parse(request.getBody());
                String issuerId = (String) body.getOrDefault("issuerId", "cognito");
                Map<String, Object> claims = (Map<String, Object>) body.getOrDefault("claims", Map.of());
                long expiresIn = ((Number) body.getOrDefault("expiresInSeconds", 3600L)).longValue();
                boolean foreignKey = Boolean.TRUE.equals(body.get("foreignKey"));
                SignedJWT jwt = foreignKey
                        ? signWithForeignKey(issuerId, claims, expiresIn)
                        : tokenProvider.jwt(claims, Duration.ofSeconds(expiresIn), issuerId);
                return OAuth2HttpResponseKt.json(Map.of("token", jwt.serialize()));
            } catch (Exception e) {
                return new OAuth2HttpResponse(Headers.of("Content-Type", "text/plain"), 400,
                        "cannot mint: " + e.getMessage(), null);
            }
        }

        private SignedJWT signWithForeignKey(String issuerId, Map<String, Object> claims, long expiresIn)
                throws Exception {
            String keyId = tokenProvider.publicJwkSet(issuerId).getKeys().get(0).getKeyID();
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(keyId).generate();
            long now = System.currentTimeMillis();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issueTime(new Date(now))
                    .notBeforeTime(new Date(now))
                    .expirationTime(new Date(now + expiresIn * 1000));
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(foreign));
            return jwt;
        }
    }

    /** Cognito's logout sends the browser back to {@code logout_uri}; mock-oauth2-server knows only the OIDC name. */
    static final class CognitoLogoutRoute implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return "GET".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith("/endsession")
                    && request.getUrl().queryParameter("logout_uri") != null;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            List<String> target = request.getUrl().queryParameterValues("logout_uri");
            return OAuth2HttpResponseKt.redirect(target.get(0), Headers.of());
        }
    }
}
