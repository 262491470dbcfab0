package com.stockwatch.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;
import com.stockwatch.testing.oidc.OidcProviderResource;
import com.stockwatch.testing.oidc.OidcTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The JSON API through the Lambda HTTP adapter, with real tokens from the test OIDC provider. */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class DashboardApiTest {

    @BeforeAll
    static void seed() {
        Fixtures.seed();
    }

    private static OidcTokens tokens() {
        return OidcProviderResource.tokens();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).accept(ContentType.JSON);
    }

    private static RequestSpecification berlinUser() {
        return as(tokens().accessToken("bernd", "store-berlin"));
    }

    private static RequestSpecification admin() {
        return as(tokens().accessToken("ada", "admin"));
    }

    @Test
    void noTokenIs401NotARedirect() {
        given().redirects().follow(false).get("/api/stores").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        as(tokens().expiredAccessToken("bernd", "store-berlin")).get("/api/stores").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherIssuerIs401() {
        as(tokens().wrongIssuerAccessToken("bernd", "store-berlin")).get("/api/stores").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherAppClientIs401() {
        as(tokens().wrongClientAccessToken("bernd", "store-berlin")).get("/api/stores").then().statusCode(401);
    }

    @Test
    void tokenWithBadSignatureIs401() {
        as(tokens().badSignatureAccessToken("bernd", "store-berlin")).get("/api/stores").then().statusCode(401);
    }

    @Test
    void idTokenIsNotAnAccessToken() {
        as(tokens().idToken("bernd", "store-berlin")).get("/api/stores").then().statusCode(401);
    }

    @Test
    void accessTokenWithoutTheApiScopeIs403() {
        as(tokens().accessTokenWithoutScope("bernd", "store-berlin")).get("/api/stores")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void storeUserSeesOnlyTheirStore() {
        berlinUser().get("/api/stores").then().statusCode(200)
                .body("stores", equalTo(List.of("berlin"))).body("admin", equalTo(false));
    }

    @Test
    void berlinUserAskingForParisGets403Json() {
        berlinUser().get("/api/stores/paris/items").then().statusCode(403)
                .contentType(ContentType.JSON).body("error", equalTo("forbidden"))
                .body("message", containsString("paris"));
        berlinUser().get("/api/stores/paris/items/baguette").then().statusCode(403);
        berlinUser().get("/api/stores/paris/imports").then().statusCode(403);
        berlinUser().get("/api/stores/paris/alerts").then().statusCode(403);
        berlinUser().contentType(ContentType.JSON).body("{\"fileName\":\"a.csv\",\"size\":10}")
                .post("/api/stores/paris/uploads").then().statusCode(403);
    }

    @Test
    void itemsCarryDaysOfCoverAndExpectedStockOut() {
        JsonPath page = berlinUser().get("/api/stores/berlin/items").then().statusCode(200).extract().jsonPath();
        assertThat(page.getDouble("items.find { it.itemId == 'cherry' }.daysOfCover")).isEqualTo(2.0);
        assertThat(page.getString("items.find { it.itemId == 'cherry' }.expectedOutAt")).endsWith("Z");
        assertThat(page.getDouble("items.find { it.itemId == 'formula' }.daysOfCover")).isEqualTo(10.0);
        assertThat(page.getString("items.find { it.itemId == 'apple' }.expectedOutAt")).isNull();
        berlinUser().get("/api/stores/berlin/items/cherry").then().statusCode(200)
                .body("daysOfCover", equalTo(2.0f));
    }

    @Test
    void atRiskListsOnlyItemsRunningOutWithinTheHorizonSoonestFirst() {
        admin().queryParam("status", "at_risk").get("/api/stores/berlin/items").then().statusCode(200)
                .body("items.itemId", equalTo(List.of("cherry")));
        admin().queryParam("status", "at_risk").get("/api/stores/paris/items").then().statusCode(200)
                .body("items.itemId", equalTo(List.of("baguette")));
    }

    @Test
    void atRiskOfAnotherStoreIs403AndDoesNotCombineWithSortOrSearch() {
        berlinUser().queryParam("status", "at_risk").get("/api/stores/paris/items").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        berlinUser().queryParam("status", "at_risk").queryParam("sort", "level").get("/api/stores/berlin/items")
                .then().statusCode(400).body("parameter", equalTo("sort"));
        berlinUser().queryParam("status", "at_risk").queryParam("q", "ch").get("/api/stores/berlin/items")
                .then().statusCode(400).body("parameter", equalTo("status"));
    }

    @Test
    void userWithSeveralStoreGroupsSeesEach() {
        as(tokens().accessToken("sam", "store-berlin", "store-paris")).get("/api/stores/paris/items")
                .then().statusCode(200);
    }

    @Test
    void adminSeesEveryStore() {
        admin().get("/api/stores").then().statusCode(200)
                .body("stores", hasItems("berlin", "paris")).body("admin", equalTo(true));
        admin().get("/api/stores/paris/items").then().statusCode(200).body("items.itemId", equalTo(List.of("baguette")));
    }

    @Test
    void itemsComeInItemOrderWithTotals() {
        berlinUser().get("/api/stores/berlin/items").then().statusCode(200)
                .body("items.itemId", equalTo(List.of("apple", "banana", "cherry", "formula", "xss")))
                .body("nextCursor", nullValue())
                .body("totals.items", equalTo(5)).body("totals.outOfStock", equalTo(2)).body("totals.low", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({ "out_of_stock,apple;xss", "low,banana", "in_stock,cherry;formula" })
    void statusFilterUsesTheStockStatus(String status, String expected) {
        // The status index holds ties in no defined order: the same items, in any order.
        berlinUser().queryParam("status", status).get("/api/stores/berlin/items").then().statusCode(200)
                .body("items.itemId", containsInAnyOrder(expected.split(";")));
    }

    @Test
    void searchMatchesIdOrNameIgnoringCase() {
        berlinUser().queryParam("q", "BAN").get("/api/stores/berlin/items").then()
                .body("items.itemId", equalTo(List.of("banana")));
        berlinUser().queryParam("q", "script").get("/api/stores/berlin/items").then()
                .body("items.itemName", equalTo(List.of(Fixtures.XSS_NAME)));
    }

    @Test
    void sortsByLevelDescending() {
        List<String> ids = berlinUser().queryParam("sort", "-level").get("/api/stores/berlin/items").then()
                .statusCode(200).extract().jsonPath().getList("items.itemId", String.class);
        assertThat(ids.subList(0, 3)).containsExactly("cherry", "formula", "banana");
        assertThat(ids.subList(3, 5)).containsExactlyInAnyOrder("xss", "apple"); // both at 0: a tie
    }

    @Test
    void searchAndSortDoNotCombineAndTheMessageSaysWhy() {
        berlinUser().queryParam("q", "ban").queryParam("sort", "level").get("/api/stores/berlin/items").then()
                .statusCode(400).body("parameter", equalTo("sort")).body("message", startsWith("sort cannot be combined"));
    }

    @ParameterizedTest
    @CsvSource({ "item", "-item", "level", "-level", "name", "-name" })
    void cursorsWalkEveryItemOnceInEveryOrder(String sort) {
        List<String> all = berlinUser().queryParam("sort", sort).get("/api/stores/berlin/items")
                .then().extract().jsonPath().getList("items.itemId", String.class);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = berlinUser().queryParam("sort", sort).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/stores/berlin/items").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.itemId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(walked).isEqualTo(all).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
            "limit,201", "limit,0", "limit,ten", "status,gone", "sort,price", "cursor,not-a-cursor", "cursor,e30" })
    void badParameterIs400NamingIt(String parameter, String value) {
        berlinUser().queryParam(parameter, value).get("/api/stores/berlin/items").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("bad_parameter"))
                .body("parameter", equalTo(parameter))
                .body("message", startsWith(parameter));
    }

    @Test
    void cursorOfAnotherViewIs400() {
        String cursor = berlinUser().queryParam("limit", 1).get("/api/stores/berlin/items")
                .then().extract().jsonPath().getString("nextCursor");
        berlinUser().queryParam("cursor", cursor).queryParam("sort", "level").get("/api/stores/berlin/items")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
    }

    @Test
    void aTamperedCursorWithAnOverLongItemIdIs400NotAnOutage() {
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"s\":\"berlin\",\"v\":\"all\",\"i\":\"" + "x".repeat(2000) + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        berlinUser().queryParam("cursor", tampered).get("/api/stores/berlin/items").then().statusCode(400)
                .body("error", equalTo("bad_parameter")).body("parameter", equalTo("cursor"));
    }

    @Test
    void anItemIdNoItemCanHaveIs400NamingTheItemNotAnOutage() {
        berlinUser().get("/api/stores/berlin/items/" + "y".repeat(300)).then().statusCode(400)
                .body("error", equalTo("bad_parameter")).body("parameter", equalTo("item"))
                .body("message", startsWith("item must be at most 256 bytes"));
    }

    @Test
    void itemDetailAndMissingItem() {
        berlinUser().get("/api/stores/berlin/items/xss").then().statusCode(200)
                .body("itemName", equalTo(Fixtures.XSS_NAME)).body("status", equalTo("OUT_OF_STOCK"));
        berlinUser().get("/api/stores/berlin/items/nope").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void importsShowRejectedRows() {
        berlinUser().get("/api/stores/berlin/imports").then().statusCode(200)
                .body("[0].status", equalTo("PARTIAL"))
                .body("[0].errors[0].row", equalTo(7))
                .body("[0].errors[0].field", equalTo("inventory_level"));
    }

    @Test
    void alertsAreEmptyUntilTheNotifierWritesSome() {
        berlinUser().get("/api/stores/berlin/alerts").then().statusCode(200).body("size()", equalTo(0));
        berlinUser().get("/api/stores/berlin/digests").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void alertsCarryTheirDeliveryAndDigestsTheirCountsAndAlerts() {
        admin().get("/api/stores/paris/alerts").then().statusCode(200)
                .body("size()", equalTo(4))
                .body("delivery", org.hamcrest.Matchers.contains("HELD", "DIGESTED", "DIGESTED", "SENT"))
                .body("[1].digestId", equalTo(Fixtures.DIGEST_ID));
        admin().get("/api/stores/paris/digests").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].digestId", equalTo(Fixtures.DIGEST_ID))
                .body("[0].alertCount", equalTo(2))
                .body("[0].counts.OUT_OF_STOCK", equalTo(2));
        admin().queryParam("digest", Fixtures.DIGEST_ID).get("/api/stores/paris/alerts").then().statusCode(200)
                .body("itemId", org.hamcrest.Matchers.contains("eclair", "croissant"));
        berlinUser().get("/api/stores/paris/digests").then().statusCode(403);
    }

    @Test
    void anUploadsImportIsFoundBehindMoreNewerImportsThanAPageHolds() {
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            Fixtures.importRecord(dynamoDb, "vienna", "2026-11-25T09:00:00.000Z", "vienna/mine.csv", "LOADED");
            for (int i = 0; i < 45; i++) {
                Fixtures.importRecord(dynamoDb, "vienna", "2026-11-25T10:%02d:00.000Z".formatted(i),
                        "vienna/other-" + i + ".csv", "LOADED");
            }
        }

        as(tokens().accessToken("ada", "admin")).get("/api/stores/vienna/imports?key=vienna/mine.csv")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].objectKey", equalTo("vienna/mine.csv"));
    }

    @Test
    void uploadGetsAPresignedPutUnderTheStorePrefix() {
        JsonPath ticket = berlinUser().contentType(ContentType.JSON)
                .body("{\"fileName\":\"../../stock levels.csv.gz\",\"size\":1234}")
                .post("/api/stores/berlin/uploads").then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("method")).isEqualTo("PUT");
        assertThat(ticket.getString("key")).startsWith("berlin/").endsWith("-stock_levels.csv.gz")
                .doesNotContain("..");
        assertThat(ticket.getString("url")).contains(S3Resource.BUCKET).contains("X-Amz-Signature")
                .contains("X-Amz-Expires=300")
                .as("the size limit holds only if the signature covers the length")
                .containsPattern("X-Amz-SignedHeaders=[^&]*content-length");
    }

    @Test
    void presignedPutStoresTheFileUnderTheStorePrefixInS3() throws Exception {
        byte[] file = "store_id,item_id,inventory_level\nberlin,milk,4\n".getBytes(StandardCharsets.UTF_8);
        JsonPath ticket = berlinUser().contentType(ContentType.JSON)
                .body("{\"fileName\":\"stock.csv\",\"size\":" + file.length + "}")
                .post("/api/stores/berlin/uploads").then().statusCode(200).extract().jsonPath();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.getString("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file));
        Map<String, String> headers = ticket.getMap("headers", String.class, String.class);
        headers.forEach(put::header);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (S3Client s3 = Emulators.s3Client()) {
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket(S3Resource.BUCKET).key(ticket.getString("key")))
                    .asByteArray();
            assertThat(stored).isEqualTo(file);
        }
    }

    @ParameterizedTest
    @CsvSource({ "stock.exe,10,fileName", "stock.csv,0,size", "stock.csv,104857601,size", ",10,fileName" })
    void uploadRefusesOtherFilesAndSizes(String fileName, long size, String parameter) {
        String name = fileName == null ? "" : fileName;
        berlinUser().contentType(ContentType.JSON)
                .body("{\"fileName\":\"" + name + "\",\"size\":" + size + "}")
                .post("/api/stores/berlin/uploads").then().statusCode(400).body("parameter", equalTo(parameter));
    }

    @Test
    void healthIsOpenAndStaticAssetsToo() {
        given().get("/q/health").then().statusCode(200);
        given().get("/static/app.js").then().statusCode(200).body(not(containsString("<html")));
    }
}
