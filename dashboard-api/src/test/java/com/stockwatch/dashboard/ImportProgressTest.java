package com.stockwatch.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.oidc.OidcLogin;
import com.stockwatch.testing.oidc.OidcProviderResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A RUNNING import as the loader records it (rows done of the rows in the file, bytes, last update): the imports page
 * shows a progress bar that refreshes (external script, the CSP allows no inline one), the JSON API gives the upload
 * page the counts for its bar.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class ImportProgressTest {

    private static final String STORE = "lyon";
    private static final String KEY = "lyon/big.csv";

    @BeforeAll
    static void seed() {
        Fixtures.seed();
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.IMPORTS).item(Map.ofEntries(
                    Map.entry(ImportsTable.STORE_ID, AttributeValue.fromS(STORE)),
                    Map.entry(ImportsTable.IMPORT_ID, AttributeValue.fromS("2026-11-26T06:00:00.000Z#" + KEY)),
                    Map.entry(ImportsTable.STATUS, AttributeValue.fromS("RUNNING")),
                    Map.entry(ImportsTable.OBJECT_KEY, AttributeValue.fromS(KEY)),
                    Map.entry(ImportsTable.STARTED_AT, AttributeValue.fromS("2026-11-26T06:00:01.000Z")),
                    Map.entry(ImportsTable.UPDATED_AT, AttributeValue.fromS("2026-11-26T06:04:00.000Z")),
                    Map.entry(ImportsTable.ROWS_READ, AttributeValue.fromN("450000")),
                    Map.entry(ImportsTable.ROWS_WRITTEN, AttributeValue.fromN("449000")),
                    Map.entry(ImportsTable.ROWS_TOTAL, AttributeValue.fromN("1000000")),
                    Map.entry(ImportsTable.BYTES_READ, AttributeValue.fromN("18000000")),
                    Map.entry(ImportsTable.BYTES_TOTAL, AttributeValue.fromN("40000000")),
                    Map.entry(ImportsTable.ERRORS, AttributeValue.fromL(java.util.List.of())),
                    Map.entry(ImportsTable.WARNINGS, AttributeValue.fromL(java.util.List.of())))));
        }
    }

    @Test
    void theApiGivesTheUploadPageWhatItsProgressBarNeeds() {
        given().auth().oauth2(OidcProviderResource.tokens().accessToken("ada", "admin")).accept(ContentType.JSON)
                .get("/api/stores/" + STORE + "/imports?key=" + KEY)
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("RUNNING"))
                .body("[0].rowsRead", equalTo(450000))
                .body("[0].rowsTotal", equalTo(1000000))
                .body("[0].bytesRead", equalTo(18000000))
                .body("[0].bytesTotal", equalTo(40000000))
                .body("[0].updatedAt", equalTo("2026-11-26T06:04:00.000Z"));
    }

    @Test
    void theImportsPageShowsARefreshingProgressBarForARunningImport() {
        OidcLogin.Session admin = OidcLogin.login(DashboardPagesTest.app(), "/", "ada", "admin");
        given().redirects().follow(false).header("Cookie", admin.cookieHeader())
                .get("/stores/" + STORE + "/imports").then().statusCode(200)
                .body(containsString("<span class=\"status run\">RUNNING</span>"))
                .body(containsString("<progress class=\"import-progress\" max=\"100\" value=\"45\" data-running=\"true\""))
                .body(containsString("45 % (450,000 of 1,000,000 rows)"))
                .body(containsString("<script src=\"/static/imports.js\" defer></script>"));
        given().get("/static/imports.js").then().statusCode(200).body(containsString("window.location.reload()"));
        given().get("/static/upload.js").then().statusCode(200).body(containsString("createElement('progress')"));
    }
}
