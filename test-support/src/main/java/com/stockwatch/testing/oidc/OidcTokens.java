package com.stockwatch.testing.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens shaped like Cognito's, signed by the test provider ({@code POST /_mint}): valid access and ID tokens and
 * the broken kinds every API must refuse (expired, wrong issuer, wrong client, bad signature, no scope).
 */
public final class OidcTokens {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI provider;
    private final String issuer;
    private final String clientId;
    private final String scope;

    OidcTokens(URI provider, String issuer, String clientId, String scope) {
        this.provider = provider;
        this.issuer = issuer;
        this.clientId = clientId;
        this.scope = scope;
    }

    /** A valid access token: {@code client_id}, {@code token_use=access}, the scope and the groups; no {@code aud}. */
    public String accessToken(String user, String... groups) {
        return mint(accessClaims(user, groups), 3600, false);
    }

    /** A valid ID token ({@code aud} = client id, {@code token_use=id}): the API must refuse it as a bearer token. */
    public String idToken(String user, String... groups) {
        Map<String, Object> claims = baseClaims(user, groups);
        claims.put("aud", clientId);
        claims.put("token_use", "id");
        claims.put("cognito:username", user);
        return mint(claims, 3600, false);
    }

    /** Expired ten minutes ago (beyond any clock skew allowance). */
    public String expiredAccessToken(String user, String... groups) {
        return mint(accessClaims(user, groups), -600, false);
    }

    /** Signed by the provider's key but naming another issuer. */
    public String wrongIssuerAccessToken(String user, String... groups) {
        Map<String, Object> claims = accessClaims(user, groups);
        claims.put("iss", issuer + "-other-pool");
        return mint(claims, 3600, false);
    }

    /** Issued to another app client. */
    public String wrongClientAccessToken(String user, String... groups) {
        Map<String, Object> claims = accessClaims(user, groups);
        claims.put("client_id", "another-app-client");
        return mint(claims, 3600, false);
    }

    /** Right header and claims, signed with a foreign key that carries the provider's key id. */
    public String badSignatureAccessToken(String user, String... groups) {
        return mint(accessClaims(user, groups), 3600, true);
    }

    /** A valid access token without the API scope. */
    public String accessTokenWithoutScope(String user, String... groups) {
        Map<String, Object> claims = accessClaims(user, groups);
        claims.put("scope", "openid");
        return mint(claims, 3600, false);
    }

    /** Any claims, signed by the provider ({@code foreignKey}: by a stranger with the same key id). */
    public String mint(Map<String, Object> claims, long expiresInSeconds, boolean foreignKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuerId", OidcProviderResource.ISSUER_ID);
        body.put("claims", claims);
        body.put("expiresInSeconds", expiresInSeconds);
        body.put("foreignKey", foreignKey);
        HttpRequest request = HttpRequest.newBuilder(provider.resolve("/_mint"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("OIDC provider did not mint a token: " + response.statusCode() + " "
                        + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("OIDC provider unreachable at " + provider, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<String, Object> accessClaims(String user, String... groups) {
        Map<String, Object> claims = baseClaims(user, groups);
        claims.put("token_use", "access");
        claims.put("client_id", clientId);
        claims.put("scope", scope);
        claims.put("username", user);
        return claims;
    }

    private Map<String, Object> baseClaims(String user, String... groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("cognito:groups", List.of(groups));
        return claims;
    }

    /** Just enough JSON for the mint request: maps, lists, strings, numbers, booleans. */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(entry.getKey().toString(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Iterable<?> list) {
                out.append('[');
                boolean first = true;
                for (Object element : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                string(value.toString(), out);
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
