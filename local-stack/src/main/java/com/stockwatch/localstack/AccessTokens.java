package com.stockwatch.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./stockwatch token}: an access token for the dashboard's JSON API from the running stack's OIDC provider,
 * shaped like a Cognito access token (issuer, {@code client_id}, {@code token_use=access}, the API scope,
 * {@code cognito:groups}; no {@code aud}), printed alone on standard output for {@code TOKEN=$(./stockwatch token)}.
 */
final class AccessTokens {

    static final String USAGE = """
            Usage: ./stockwatch token [--user NAME] [--groups G1,G2] [--hours N] [--oidc-port N]
              --user NAME     the token's subject (default admin)
              --groups LIST   its cognito:groups, comma-separated (default admin; store-<id> for one store)
              --hours N       lifetime in hours (default 1)
              --oidc-port N   OIDC port of the running stack (default 8180, env STOCKWATCH_OIDC_PORT)
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AccessTokens() {
    }

    static void run(List<String> args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(args);
        String user = StackOptions.take(rest, "--user", "admin");
        String groups = StackOptions.take(rest, "--groups", "admin");
        String hours = StackOptions.take(rest, "--hours", "1");
        String port = StackOptions.take(rest, "--oidc-port", env.getOrDefault("STOCKWATCH_OIDC_PORT", "8180"));
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        long lifetimeSeconds;
        try {
            lifetimeSeconds = Math.multiplyExact(Long.parseLong(hours), 3600L);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--hours: not a whole number: " + hours);
        }
        List<String> groupList = Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
        System.out.println(mint(URI.create("http://127.0.0.1:" + port), user, groupList, lifetimeSeconds));
    }

    /** Mints the token at the provider's {@code /_mint} route; a clear message when the stack is not running. */
    static String mint(URI provider, String user, List<String> groups, long lifetimeSeconds) {
        URI issuer = provider.resolve("/" + LocalStack.OIDC_ISSUER_ID);
        ObjectNode claims = Json.object()
                .put("iss", issuer.toString())
                .put("sub", user)
                .put("username", user)
                .put("client_id", LocalStack.OIDC_CLIENT_ID)
                .put("token_use", "access")
                .put("scope", LocalStack.OIDC_SCOPE)
                .put("jti", UUID.randomUUID().toString());
        groups.forEach(claims.putArray("cognito:groups")::add);
        ObjectNode body = Json.object().put("issuerId", LocalStack.OIDC_ISSUER_ID)
                .put("expiresInSeconds", lifetimeSeconds);
        body.set("claims", claims);
        HttpRequest request = HttpRequest.newBuilder(provider.resolve("/_mint"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalArgumentException("No OIDC provider answers at " + provider
                    + ": is ./stockwatch local running (and on this --oidc-port)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode token = response.statusCode() == 200 ? Json.read(response.body()).path("token") : null;
        if (token == null || !token.isTextual()) {
            throw new IllegalArgumentException("The OIDC provider at " + provider + " minted no token: HTTP "
                    + response.statusCode() + " " + Json.abbreviate(response.body()));
        }
        return token.asText();
    }
}
