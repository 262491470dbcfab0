package com.stockwatch.emulators.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.JSONObjectUtils;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/** The code flow through the login form yields tokens shaped like Cognito's ID and access tokens. */
class CognitoTokenShapeTest {

    private static MockOAuth2Server server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = OidcProviderMain.start("cognito", "openid stockwatch/dashboard", 3600, 0);
        base = "http://127.0.0.1:" + server.baseUrl().port();
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @Test
    void codeFlowTokensLookLikeCognitos() throws Exception {
        String authorize = base + "/cognito/authorize?response_type=code&client_id=my-app&scope=openid"
                + "&state=s1&redirect_uri=" + encode("http://127.0.0.1:1/cb");
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bernd&claims="
                        + encode("{\"cognito:groups\": [\"store-berlin\"]}")))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cognito/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + encode("http://127.0.0.1:1/cb") + "&client_id=my-app&client_secret=s"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        Map<String, Object> body = JSONObjectUtils.parse(tokens.body());
        Map<String, Object> id = claims((String) body.get("id_token"));
        Map<String, Object> access = claims((String) body.get("access_token"));

        assertEquals("id", id.get("token_use"));
        assertTrue(String.valueOf(id.get("aud")).contains("my-app"));
        assertEquals(List.of("store-berlin"), id.get("cognito:groups"));
        assertEquals("bernd", id.get("sub"));
        assertEquals(base + "/cognito", id.get("iss"));

        assertEquals("access", access.get("token_use"));
        assertEquals("my-app", access.get("client_id"));
        assertEquals("openid stockwatch/dashboard", access.get("scope"));
        assertFalse(access.containsKey("aud"), "Cognito access tokens have no aud: " + access);
        assertEquals(List.of("store-berlin"), access.get("cognito:groups"));
    }

    @Test
    void mintSignsWithTheIssuerKeyOrAForeignOne() throws Exception {
        String own = mint(false);
        String foreign = mint(true);
        assertEquals(header(own).get("kid"), header(foreign).get("kid"));
        assertNotEquals(own.split("\\.")[2], foreign.split("\\.")[2]);
        assertEquals("x", claims(own).get("client_id"));
    }

    @Test
    void cognitoLogoutRedirectsToLogoutUri() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/cognito/endsession?client_id=my-app&logout_uri=" + encode("http://127.0.0.1:1/logged-out")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode());
        assertEquals("http://127.0.0.1:1/logged-out", response.headers().firstValue("Location").orElseThrow());
    }

    private static String mint(boolean foreignKey) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/_mint"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"claims\":{\"client_id\":\"x\"},\"foreignKey\":"
                        + foreignKey + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return (String) JSONObjectUtils.parse(response.body()).get("token");
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    private static Map<String, Object> header(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]),
                StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
