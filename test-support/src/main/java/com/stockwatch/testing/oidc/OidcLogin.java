package com.stockwatch.testing.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Logs in like a browser through the authorization code flow: the app redirects to the provider, the provider's
 * login form is posted with a user name and {@code {"cognito:groups": [...]}}, the provider redirects back with a
 * code and the app sets its session cookies. Redirects are followed by hand so each step can be asserted.
 */
public final class OidcLogin {

    /**
     * What a login produced.
     *
     * @param cookieHeader      {@code Cookie} header value carrying the app's session, for later requests
     * @param callbackSetCookies the {@code Set-Cookie} headers of the app's answer to the provider's redirect
     * @param finalLocation     where the app sent the browser after the callback
     */
    public record Session(String cookieHeader, List<String> callbackSetCookies, URI finalLocation,
            List<URI> redirects) {
    }

    private OidcLogin() {
    }

    /** Opens {@code app + path} without a session and logs in as {@code user} with the given groups. */
    public static Session login(URI app, String path, String user, String... groups) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<URI> redirects = new ArrayList<>();
        redirects.add(app.resolve(path));
        try {
            HttpResponse<String> response = http.send(get(app.resolve(path)), HttpResponse.BodyHandlers.ofString());
            URI authorize = location(response, app.resolve(path));
            redirects.add(authorize);
            HttpResponse<String> form = http.send(get(authorize), HttpResponse.BodyHandlers.ofString());
            if (form.statusCode() != 200 || !form.body().contains("name=\"username\"")) {
                throw new IllegalStateException("no login form at " + authorize + ": " + form.statusCode());
            }
            String claims = "{\"cognito:groups\": [" + List.of(groups).stream().map(g -> "\"" + g + "\"")
                    .collect(Collectors.joining(",")) + "]}";
            String body = "username=" + encode(user) + "&claims=" + encode(claims);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            URI callback = location(posted, authorize);
            redirects.add(callback);
            HttpResponse<String> back = http.send(get(callback), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = back.headers().allValues("Set-Cookie");
            URI finalLocation = location(back, callback);
            redirects.add(finalLocation);
            String cookieHeader = cookies.getCookieStore().get(app).stream()
                    .filter(c -> !c.hasExpired())
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            return new Session(cookieHeader, setCookies, finalLocation, redirects);
        } catch (IOException e) {
            throw new IllegalStateException("login failed at " + redirects.get(redirects.size() - 1) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "text/html").GET().build();
    }

    private static URI location(HttpResponse<String> response, URI base) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("expected a redirect from " + base + ", got " + response.statusCode()
                    + ": " + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return base.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
