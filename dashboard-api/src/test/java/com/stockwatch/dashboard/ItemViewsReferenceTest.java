package com.stockwatch.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.StockStatus;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.oidc.OidcProviderResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Search, status filters and every sort, walked page by page through the API on generated data, against a
 * brute-force reference computed from the same items in memory. Items that tie on an index's sort value may come in
 * any order within the tie, so the walk is compared as the sequence of sort values plus the set of items of each.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class ItemViewsReferenceTest {

    static final String STORE = "generated";
    static final String[] WORDS = { "blue", "Blueberry", "red", "mug", "Mugwort", "tea", "pot", "steel", "Stainless",
            "oat", "oatmeal", "milk", "bread", "b", "xl" };
    static final List<InventoryItem> ITEMS = new ArrayList<>();

    @BeforeAll
    static void seed() {
        Random random = new Random(42);
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            for (int i = 0; i < 260; i++) {
                StringBuilder name = new StringBuilder();
                int words = 1 + random.nextInt(4);
                for (int w = 0; w < words; w++) {
                    name.append(w == 0 ? "" : random.nextBoolean() ? " " : ", ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                long level = switch (random.nextInt(5)) {
                    case 0 -> 0;
                    case 1 -> 1 + random.nextInt(5);
                    default -> random.nextInt(200);
                };
                String id = String.format("%s-%04d", random.nextBoolean() ? "SKU" : "mug", i);
                InventoryItem item = Fixtures.item(STORE, id, name.toString(), level, "2026-11-24T10:00:00Z");
                Fixtures.put(dynamoDb, item);
                ITEMS.add(item);
            }
            Fixtures.summarize(dynamoDb, STORE, "2026-11-24T10:00:00.000Z", "LOADED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "item", "-item", "level", "-level", "name", "-name" })
    void everySortWalksExactlyTheReferenceOrder(String sort) {
        boolean descending = sort.startsWith("-");
        Function<InventoryItem, String> key = switch (sort.replace("-", "")) {
            case "level" -> i -> String.format("%012d", i.inventoryLevel());
            case "name" -> InventoryItem::itemName;
            default -> InventoryItem::itemId;
        };
        List<InventoryItem> reference = new ArrayList<>(ITEMS);
        Comparator<InventoryItem> order = Comparator.comparing(key);
        reference.sort(descending ? order.reversed() : order);
        List<Map<String, Object>> walked = walk(Map.of("sort", sort), 23);
        assertThat(groups(walked, key)).isEqualTo(groups(reference.stream().map(ItemViewsReferenceTest::asJson).toList(), key));
        if (sort.endsWith("item")) {
            assertThat(ids(walked)).isEqualTo(reference.stream().map(InventoryItem::itemId).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "out_of_stock", "low", "in_stock" })
    void everyStatusFilterReturnsExactlyTheReferenceItems(String status) {
        StockStatus wanted = StockStatus.fromParameter(status).orElseThrow();
        List<String> reference = ITEMS.stream().filter(i -> i.status(Fixtures.DEFAULT_THRESHOLD) == wanted)
                .map(InventoryItem::itemId).sorted().toList();
        List<String> walked = ids(walk(Map.of("status", status), 17));
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().sorted().toList()).isEqualTo(reference);
        if (wanted == StockStatus.IN_STOCK) {
            assertThat(walked).isEqualTo(reference); // the table's own order
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "b", "BLUE", "blueb", "mug", "mug-0", "sku-01", "stain", "oat", "x", "zzz", "tea pot" })
    void searchReturnsExactlyTheReferenceMatchesInTokenOrder(String q) {
        String prefix = SearchTokensTable.normalize(q);
        Map<String, String> firstToken = new LinkedHashMap<>();
        for (InventoryItem item : ITEMS) {
            SearchTokensTable.tokens(item.itemId(), item.itemName()).stream().filter(t -> t.startsWith(prefix))
                    .findFirst().ifPresent(t -> firstToken.put(item.itemId(), t));
        }
        List<String> reference = firstToken.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        assertThat(ids(walk(Map.of("q", q), 7))).isEqualTo(reference);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Every page of a view, following nextCursor. */
    static List<Map<String, Object>> walk(Map<String, String> params, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = given().auth().oauth2(OidcProviderResource.tokens()
                    .accessToken("gen", "store-" + STORE)).accept(ContentType.JSON).queryParams(params)
                    .queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/stores/" + STORE + "/items").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 200);
        assertThat(pages).isLessThan(200);
        return items;
    }

    static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("itemId")).toList();
    }

    static Map<String, Object> asJson(InventoryItem item) {
        return Map.of("itemId", item.itemId(), "itemName", item.itemName(), "inventoryLevel", item.inventoryLevel());
    }

    /** Consecutive runs of equal sort values, each as (value, sorted item ids). */
    static List<String> groups(List<Map<String, Object>> items, Function<InventoryItem, String> key) {
        List<String> runs = new ArrayList<>();
        String current = null;
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> json : items) {
            InventoryItem item = new InventoryItem(STORE, (String) json.get("itemId"), (String) json.get("itemName"),
                    ((Number) json.get("inventoryLevel")).longValue(), Instant.EPOCH, java.util.OptionalInt.empty(), "");
            String value = key.apply(item);
            if (current != null && !current.equals(value)) {
                runs.add(current + " " + ids.stream().sorted().collect(Collectors.joining(",")));
                ids.clear();
            }
            current = value;
            ids.add(item.itemId());
        }
        if (current != null) {
            runs.add(current + " " + ids.stream().sorted().collect(Collectors.joining(",")));
        }
        return runs;
    }
}
