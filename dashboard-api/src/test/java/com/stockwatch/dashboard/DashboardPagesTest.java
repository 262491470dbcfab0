package com.stockwatch.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.testing.oidc.OidcLogin;
import com.stockwatch.testing.oidc.OidcProviderResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The pages through the Lambda HTTP adapter: a real code-flow login through the provider's form, then the pages
 * with the session cookies it set.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class DashboardPagesTest {

    private OidcLogin.Session berlin;
    private OidcLogin.Session admin;

    @BeforeAll
    static void seed() {
        Fixtures.seed();
    }

    /** RestAssured's port is known once the test instance exists; each test logs in afresh (a few ms). */
    @org.junit.jupiter.api.BeforeEach
    void logIn() {
        System.out.println("PORT " + RestAssured.port + " " + RestAssured.baseURI);
        berlin = OidcLogin.login(app(), "/stores/berlin", "bernd", "store-berlin");
        admin = OidcLogin.login(app(), "/", "ada", "admin");
    }

    static URI app() {
        return URI.create("http://127.0.0.1:" + RestAssured.port);
    }

    private static RequestSpecification as(OidcLogin.Session session) {
        return given().redirects().follow(false).header("Cookie", session.cookieHeader());
    }

    @Test
    void pageWithoutLoginRedirectsToTheProviderWithPkce() {
        Response response = given().redirects().follow(false).get("/stores/berlin");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).startsWith(OidcProviderResource.issuer() + "/authorize")
                .contains("code_challenge_method=S256").contains("client_id=" + OidcProviderResource.CLIENT_ID);
    }

    @Test
    void loginSettingSeveralCookiesSurvivesTheLambdaAdapter() {
        // The callback answer carries the split session cookies and clears the login-state cookie: several
        // Set-Cookie headers, each with commas in Expires, through the API Gateway v2 event's cookies array.
        assertThat(berlin.callbackSetCookies()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(berlin.callbackSetCookies()).anyMatch(c -> c.startsWith("q_session="));
        assertThat(berlin.callbackSetCookies()).anyMatch(c -> c.startsWith("q_session_rt="));
        assertThat(berlin.callbackSetCookies()).anyMatch(c -> c.startsWith("q_auth_"));
        assertThat(berlin.callbackSetCookies()).filteredOn(c -> c.startsWith("q_session"))
                .allMatch(c -> c.contains("HttpOnly") || c.contains("HTTPOnly"));
        assertThat(berlin.finalLocation().getPath()).isEqualTo("/stores/berlin");
        as(berlin).get("/stores/berlin").then().statusCode(200).body(containsString("<table class=\"items\""));
    }

    @Test
    void inventoryPageEscapesHostileItemNames() {
        String html = as(berlin).get("/stores/berlin").then().statusCode(200).extract().asString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(Fixtures.XSS_NAME);
        assertThat(html).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain("style=\"");
    }

    @Test
    void inventoryPageShowsTotalsSortStateAndStatusText() {
        String html = as(berlin).get("/stores/berlin?sort=-level").then().statusCode(200).extract().asString();
        assertThat(html).contains("aria-sort=\"descending\"").contains("aria-sort=\"none\"");
        assertThat(html).contains("<td class=\"num\">50</td>");
        assertThat(html).contains("<span class=\"status bad\">out of stock</span>")
                .contains("<span class=\"status warn\">low</span>")
                .contains("<span class=\"status ok\">in stock</span>");
        assertThat(html).contains("data-refresh-url=\"/stores/berlin/results?sort=-level\"");
    }

    @Test
    void statusFilterShowsOnlyThoseItems() {
        String html = as(berlin).get("/stores/berlin?status=out_of_stock").then().statusCode(200).extract().asString();
        assertThat(html).contains(">apple<").doesNotContain(">cherry<").doesNotContain(">banana<");
    }

    @Test
    void searchWithoutResultsShowsTheNoResultState() {
        as(berlin).get("/stores/berlin?q=zzz").then().statusCode(200).body(containsString("No matching items"));
    }

    @Test
    void refreshFragmentIsOnlyTheResultsRegion() {
        String html = as(berlin).get("/stores/berlin/results").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"results\"").doesNotContain("<html").doesNotContain("<form");
    }

    @Test
    void itemPageDrawsTheHistoryChartWithTheForecastLineInline() {
        String html = as(berlin).get("/stores/berlin/items/cherry").then().statusCode(200).extract().asString();
        assertThat(html).contains("<svg class=\"chart\" id=\"history-chart\" role=\"img\"")
                .contains("<polyline class=\"history-line\" points=\"")
                .contains("<polyline class=\"forecast-line\" points=\"")
                .contains("Forecast: 25.0 a day")
                .contains("Days of cover</dt><dd class=\"num-inline\">2.0</dd>")
                .doesNotContain("style=").doesNotContain("<script>");
        // five counts, five dots
        assertThat(html.split("<circle class=\"count\"", -1)).hasSize(6);
    }

    @Test
    void itemPageWithoutForecastSaysWhyAndHistoryIsStillDrawn() {
        String html = as(berlin).get("/stores/berlin/items/banana").then().statusCode(200).extract().asString();
        assertThat(html).contains("history-line").doesNotContain("forecast-line").contains("No forecast: it needs");
        String apple = as(berlin).get("/stores/berlin/items/apple").then().statusCode(200).extract().asString();
        assertThat(apple).doesNotContain("<svg class=\"chart\"").contains("No level change recorded yet");
    }

    @Test
    void atRiskFilterListsItemsRunningOutWithinTheHorizonWithDaysOfCover() {
        String html = as(berlin).get("/stores/berlin?status=at_risk").then().statusCode(200).extract().asString();
        assertThat(html).contains(">cherry<").doesNotContain(">formula<").doesNotContain(">apple<")
                .contains("<option value=\"at_risk\" selected>At risk (out within 3 days)</option>")
                .contains("Days of cover");
        String all = as(berlin).get("/stores/berlin").then().statusCode(200).extract().asString();
        assertThat(all).contains(">10.0</time>").contains(">2.0</time>");
    }

    @Test
    void atRiskAndItemHistoryOfAnotherStoreAre403() {
        as(berlin).get("/stores/paris?status=at_risk").then().statusCode(403);
        as(berlin).get("/stores/paris/items/baguette").then().statusCode(403);
        as(berlin).get("/stores/paris/results?status=at_risk").then().statusCode(403);
        as(admin).get("/stores/paris?status=at_risk").then().statusCode(200).body(containsString(">baguette<"));
    }

    @Test
    void otherStoreIsAFriendly403Page() {
        as(berlin).get("/stores/paris").then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("No access to this store")).body(containsString("store-paris"));
    }

    @Test
    void badParameterIsA400PageNamingIt() {
        as(berlin).get("/stores/berlin?limit=500").then().statusCode(400).body(containsString("limit"));
    }

    @Test
    void adminOverviewListsEveryStore() {
        String html = as(admin).get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("href=\"/stores/berlin\"");
        as(admin).get("/stores/paris").then().statusCode(200);
    }

    @Test
    void overviewPagesThroughTheRegistryMostOutOfStockFirstWithLastImportAndSilentStores() {
        java.util.Map<String, Long> outOfStock = new java.util.HashMap<>(java.util.Map.of("berlin", 2L, "paris", 0L));
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb = com.stockwatch.testing.Emulators
                .dynamoDbClient()) {
            for (int i = 0; i < 70; i++) {
                String store = String.format("chain-%03d", i);
                long out = (i * 37) % 11;
                outOfStock.put(store, out);
                java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
                        new java.util.HashMap<>(java.util.Map.of(
                                "store_id", n(store, false), "registry", n("stores", false), "items", n("100", true),
                                "out_of_stock", n(Long.toString(out), true), "low_stock", n("1", true),
                                "in_stock", n(Long.toString(99 - out), true)));
                if (i == 5) {
                    item.put("stale_since", n("2026-11-28T06:00:00.000Z", false));
                }
                dynamoDb.putItem(b -> b.tableName(com.stockwatch.testing.DynamoDbLocalResource.STORES).item(item));
            }
        }
        java.util.List<String> walked = new java.util.ArrayList<>();
        String url = "/?sort=out_of_stock";
        int pages = 0;
        String first = null;
        while (url != null && pages++ < 5) {
            String html = as(admin).get(url).then().statusCode(200).extract().asString();
            first = first == null ? html : first;
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<th scope=\"row\"><a href=\"/stores/([^\"]+)\"")
                    .matcher(html);
            while (rows.find()) {
                walked.add(rows.group(1));
            }
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"").matcher(html);
            url = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(pages).isEqualTo(2);
        // Stores of other test classes may share the registry: every store here once, in out-of-stock order.
        assertThat(walked).doesNotHaveDuplicates().containsAll(outOfStock.keySet());
        assertThat(walked.stream().filter(outOfStock::containsKey).map(outOfStock::get).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String all = as(admin).get("/").then().statusCode(200).extract().asString();
        assertThat(all).contains("PARTIAL").contains("silent");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(String value, boolean number) {
        return number ? software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(value)
                : software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    @Test
    void csvExportNeutralisesFormulas() {
        String csv = as(berlin).get("/stores/berlin/inventory.csv?q=hyperlink").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("store_id,item_id,item_name,");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
        assertThat(csv.lines()).hasSize(2);
    }

    @Test
    void csvExportOfABigViewComesInPartsEachNamingTheNext() {
        java.util.List<String> rows = new java.util.ArrayList<>();
        String url = "/stores/berlin/inventory.csv?sort=-level";
        int parts = 0;
        while (url != null && parts++ < 10) {
            io.restassured.response.Response part = as(berlin).urlEncodingEnabled(false).get(url);
            assertThat(part.statusCode()).isEqualTo(200);
            java.util.List<String> lines = part.asString().lines().toList();
            assertThat(lines.get(0)).startsWith("store_id,item_id,");
            rows.addAll(lines.subList(1, lines.size()));
            String link = part.header("Link");
            url = link == null ? null : link.replaceAll("^<([^>]+)>.*$", "$1");
        }
        assertThat(parts).isEqualTo(3); // 5 items, parts of 2 rows (max-export-rows in the test profile)
        assertThat(rows).hasSize(5).doesNotHaveDuplicates();
        assertThat(rows.get(0)).startsWith("berlin,cherry,");
    }

    @Test
    void csvExportFollowsTheFilter() {
        String csv = as(berlin).get("/stores/berlin/inventory.csv?status=low").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("banana");
    }

    @Test
    void itemImportsAlertsAndUploadPagesRender() {
        as(berlin).get("/stores/berlin/items/banana").then().statusCode(200).body(containsString("Banana"));
        as(berlin).get("/stores/berlin/items/none").then().statusCode(404);
        as(berlin).get("/stores/berlin/imports").then().statusCode(200)
                .body(containsString("must be a whole number from 0, got -1"))
                .body(containsString("Column colour is not used"));
        as(berlin).get("/stores/berlin/alerts").then().statusCode(200).body(containsString("No alerts"));
        as(berlin).get("/stores/berlin/upload").then().statusCode(200).body(containsString("name=\"csrf-token\""));
    }

    @Test
    void theAlertsPageShowsHeldAndDigestedAlertsAndTheDigests() {
        String page = as(admin).get("/stores/paris/alerts").then().statusCode(200).extract().asString();
        assertThat(page).contains("Macaron").contains("held for the digest")
                .contains("Croissant").contains("in a digest").contains("Baguette").contains(">sent<")
                .doesNotContain("~window");
        assertThat(page).contains("<h2>Digests</h2>").contains("2026-11-24T10:00:00.000Z – 2026-11-24T10:05:00.000Z")
                .contains("2 out of stock");

        String digest = as(admin).queryParam("digest", Fixtures.DIGEST_ID).get("/stores/paris/alerts").then()
                .statusCode(200).extract().asString();
        assertThat(digest).contains("Alerts of one digest of paris").contains("Croissant").contains("Eclair")
                .doesNotContain("Macaron").doesNotContain(">Baguette<");
        as(berlin).get("/stores/paris/alerts?digest=x").then().statusCode(403);
    }

    @Test
    void uploadFormPostNeedsTheCsrfToken() {
        as(berlin).contentType("application/x-www-form-urlencoded").formParam("fileName", "stock.csv")
                .formParam("size", "10").post("/stores/berlin/uploads").then().statusCode(400);

        Response page = as(berlin).get("/stores/berlin/upload");
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(token.find()).isTrue();
        String csrfCookie = page.getCookie("csrf-token");
        given().redirects().follow(false).header("Cookie", berlin.cookieHeader() + "; csrf-token=" + csrfCookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1)).formParam("fileName", "stock.csv").formParam("size", "10")
                .post("/stores/berlin/uploads").then().statusCode(200).body(containsString("berlin/"));
    }

    @Test
    void aPlantedCsrfCookieWithTheSameValueInTheFormIsRefusedBecauseTheCookieIsSigned() {
        String planted = "plantedByASiblingSubdomain0123456789";
        given().redirects().follow(false)
                .header("Cookie", berlin.cookieHeader() + "; csrf-token=" + planted)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", planted).formParam("fileName", "stock.csv").formParam("size", "10")
                .post("/stores/berlin/uploads").then().statusCode(400);
    }

    @Test
    void theUploadPagesScriptGetsARefusedPresignAsJsonNotAsAnHtmlPage() {
        Response page = as(berlin).get("/stores/berlin/upload");
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(token.find()).isTrue();
        given().redirects().follow(false)
                .header("Cookie", berlin.cookieHeader() + "; csrf-token=" + page.getCookie("csrf-token"))
                .accept("application/json").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1)).formParam("fileName", "stock.xlsx").formParam("size", "10")
                .post("/stores/berlin/uploads").then().statusCode(400)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("error", org.hamcrest.Matchers.equalTo("bad_parameter"))
                .body("parameter", org.hamcrest.Matchers.equalTo("fileName"));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        Response page = as(berlin).get("/stores/berlin");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(given().get("/static/app.css").header("Content-Security-Policy")).isEqualTo(csp);
    }

    @Test
    void aGetOfLogoutOnlyShowsTheButtonAndSignsNobodyOut() {
        OidcLogin.Session session = OidcLogin.login(app(), "/", "lou", "store-berlin");

        Response response = as(session).get("/logout");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("<form method=\"post\" action=\"/logout\">");
        assertThat(response.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("q_session"));
        assertThat(as(session).get("/stores/berlin").statusCode()).isEqualTo(200);
    }

    @Test
    void backgroundRefreshesKeepTheCsrfCookieThePagesFormsWereRenderedWith() {
        Response page = as(berlin).get("/stores/berlin");
        String cookie = berlin.cookieHeader() + "; csrf-token=" + page.getCookie("csrf-token");

        Response plain = given().redirects().follow(false).header("Cookie", cookie).get("/stores/berlin/results");
        Response background = given().redirects().follow(false).header("Cookie", cookie)
                .header("X-Background", "1").get("/stores/berlin/results");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.getCookie("csrf-token")).as("a page GET issues a new signed token").isNotNull()
                .isNotEqualTo(page.getCookie("csrf-token"));
        assertThat(background.statusCode()).isEqualTo(200);
        assertThat(background.getCookie("csrf-token")).isNull();
    }

    @Test
    void aLogoutPostWithoutTheCsrfTokenIsRefusedAndSignsNobodyOut() {
        OidcLogin.Session session = OidcLogin.login(app(), "/", "lou", "store-berlin");
        String csrfCookie = as(session).get("/stores/berlin").getCookie("csrf-token");

        Response noToken = given().redirects().follow(false)
                .header("Cookie", session.cookieHeader() + "; csrf-token=" + csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("other", "x").post("/logout");
        Response wrongToken = given().redirects().follow(false)
                .header("Cookie", session.cookieHeader() + "; csrf-token=" + csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "forged").post("/logout");

        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(wrongToken.statusCode()).isEqualTo(400);
        assertThat(noToken.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("q_session"));
        assertThat(as(session).get("/stores/berlin").statusCode()).isEqualTo(200);
    }

    @Test
    void theSignOutButtonsCsrfCheckedPostEndsTheSessionAndTheCognitoSessionToo() {
        OidcLogin.Session session = OidcLogin.login(app(), "/", "lou", "store-berlin");
        Response page = as(session).get("/stores/berlin");
        Matcher form = Pattern.compile("<form class=\"signout\" method=\"post\" action=\"/logout\">\\s*"
                + "<input type=\"hidden\" name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(form.find()).as("the layout's sign-out form with its CSRF token").isTrue();

        Response response = given().redirects().follow(false)
                .header("Cookie", session.cookieHeader() + "; csrf-token=" + page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", form.group(1))
                .post("/logout");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).startsWith(OidcProviderResource.issuer() + "/endsession?")
                .containsPattern("logout_uri=http%3A%2F%2F[^&]+" + URLEncoder.encode(":" + RestAssured.port
                        + "/logged-out", StandardCharsets.UTF_8) + "&")
                .contains("client_id=" + OidcProviderResource.CLIENT_ID);
        List<String> removed = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session")).filter(c -> c.toLowerCase().contains("max-age=0")).toList();
        assertThat(removed).as("session cookies removed").isNotEmpty();
        String remaining = remainingCookies(session.cookieHeader(), response.headers().getValues("Set-Cookie"));
        Response after = given().redirects().follow(false).header("Cookie", remaining).get("/stores/berlin");
        assertThat(after.statusCode()).as("signed out: the next page asks for a login").isEqualTo(302);
        assertThat(after.header("Location")).startsWith(OidcProviderResource.issuer().toString());
    }

    /** The cookies a browser still sends after {@code setCookies}: those not removed by a zero max-age. */
    private static String remainingCookies(String cookieHeader, List<String> setCookies) {
        List<String> removed = setCookies.stream().filter(c -> c.toLowerCase().contains("max-age=0"))
                .map(c -> c.substring(0, c.indexOf('='))).toList();
        return Arrays.stream(cookieHeader.split(";\\s*"))
                .filter(c -> !removed.contains(c.substring(0, c.indexOf('='))))
                .collect(Collectors.joining("; "));
    }

    @Test
    void openApiDocumentListsTheApi() {
        as(admin).get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/stores/{store}/items"))
                .body(containsString("/api/stores/{store}/uploads"))
                .body(not(containsString("/stores/{store}/results")));
    }
}
