package com.stockwatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.StoresTable;
import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.oidc.OidcLogin;
import com.stockwatch.testing.oidc.OidcProviderResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Latency and DynamoDB items read per request of every dashboard view, for a store of 300,000 items next to one of
 * 10,000, with 1,000 further stores in the registry (warm JVM, DynamoDB Local, through the Lambda HTTP adapter as the
 * tests run it). The items, their search-token rows and the registry items are written directly (what the
 * notifier's consumers or the reconcile would write), not through the loader: 300,000 rows through the loader take
 * most of an hour on this machine. Not a test: run it with
 * {@code ./mvnw -B -pl dashboard-api -am verify -Dtest=DashboardBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false};
 * results go to stdout and {@code target/benchmark-dashboard.md}.
 */
@QuarkusTest
@TestProfile(DashboardBenchmark.Profile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DashboardBenchmark {

    /** Production settings for the caches (the tests switch them off). */
    public static class Profile extends DashboardTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("inventory.dashboard.stores-cache-ttl", "PT60S");
            return config;
        }
    }

    private static final String BIG = "big";
    private static final String MID = "mid";
    private static final int BIG_ITEMS = Integer.getInteger("benchmark.items", 300_000);
    private static final int MID_ITEMS = 10_000;
    private static final int SMALL_STORES = 1_000;
    private static final int WARMUP = 100;
    private static final int MEASURED = 300;
    private static final String[] WORDS = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel" };

    /**
     * One GET as the benchmark sends it: a fresh connection each time ({@code Connection: close}). Quarkus's mock event
     * server answers larger bodies without {@code Content-Length}, so a keep-alive client would wait for the end of
     * a body that only the closing connection marks.
     */
    private record Get(URI uri, String header, String value) {
        int send() throws java.io.IOException {
            return fetch().status();
        }

        Fetched fetch() throws java.io.IOException {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(15000);
            connection.setRequestProperty("Connection", "close");
            connection.setRequestProperty("Accept", "*/*");
            connection.setRequestProperty(header, value);
            int status = connection.getResponseCode();
            byte[] bytes = new byte[0];
            try (java.io.InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    bytes = body.readAllBytes();
                }
            }
            connection.disconnect();
            return new Fetched(status, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private record Fetched(int status, String body) {
    }

    @Test
    void everyViewOfAStoreOf300000ItemsNextToOneOf10000() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        URI app = URI.create("http://127.0.0.1:" + RestAssured.port);
        String adminToken = OidcProviderResource.tokens().accessToken("ada", "admin");
        String adminCookie = OidcLogin.login(app, "/", "ada", "admin").cookieHeader();
        String bearer = "Bearer " + adminToken;

        List<String> report = new ArrayList<>();
        report.add("| request | store | p50 ms | p99 ms | max ms | items read / request | DynamoDB calls / request | n |");
        report.add("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String store : List.of(MID, BIG)) {
            String size = store.equals(BIG) ? String.format(Locale.ROOT, "%,d", BIG_ITEMS) : "10,000";
            String api = "/api/stores/" + store + "/items?limit=50";
            report.add(measure("inventory page (50 rows, totals)", size, new Get(app.resolve("/stores/" + store), "Cookie", adminCookie)));
            report.add(measure("items API, plain", size, new Get(app.resolve(api), "Authorization", bearer)));
            report.add(measure("items API, next page (cursor)", size, nextPage(app, api, bearer)));
            report.add(measure("items API, status=out_of_stock", size, new Get(app.resolve(api + "&status=out_of_stock"), "Authorization", bearer)));
            report.add(measure("items API, status=low", size, new Get(app.resolve(api + "&status=low"), "Authorization", bearer)));
            report.add(measure("items API, status=in_stock", size, new Get(app.resolve(api + "&status=in_stock"), "Authorization", bearer)));
            report.add(measure("items API, search q=charlie00 (name word prefix)", size, new Get(app.resolve(api + "&q=charlie00"), "Authorization", bearer)));
            report.add(measure("items API, search q=sku-0001 (item id prefix)", size, new Get(app.resolve(api + "&q=sku-0001"), "Authorization", bearer)));
            report.add(measure("items API, sort=level", size, new Get(app.resolve(api + "&sort=level"), "Authorization", bearer)));
            report.add(measure("items API, sort=-level", size, new Get(app.resolve(api + "&sort=-level"), "Authorization", bearer)));
            report.add(measure("items API, sort=name", size, new Get(app.resolve(api + "&sort=name"), "Authorization", bearer)));
            report.add(measure("items API, sort=-name", size, new Get(app.resolve(api + "&sort=-name"), "Authorization", bearer)));
        }
        String stores = String.format(Locale.ROOT, "%,d stores", SMALL_STORES + 2);
        report.add(measure("overview (admin, first 50 stores)", stores, new Get(app.resolve("/"), "Cookie", adminCookie)));
        report.add(measure("overview, most out of stock first", stores, new Get(app.resolve("/?sort=out_of_stock"), "Cookie", adminCookie)));
        report.add(measure("store list API (admin, cached 60 s)", stores, new Get(app.resolve("/api/stores"), "Authorization", bearer)));
        String text = String.join("\n", report);
        String header = String.format(Locale.ROOT, "Dashboard benchmark (%,d and %,d items, %,d stores; JVM %s, %d CPUs, %s; seeding %.0f s)",
                BIG_ITEMS, MID_ITEMS, SMALL_STORES + 2, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Instant.now(), seedSeconds);
        System.out.println("\n" + header + "\n" + text);
        Files.writeString(Path.of("target/benchmark-dashboard.md"), header + "\n\n" + text + "\n");
    }

    private Get nextPage(URI app, String api, String bearer) throws Exception {
        String body = new Get(app.resolve(api), "Authorization", bearer).fetch().body();
        String cursor = body.replaceAll("(?s).*\"nextCursor\":\"([^\"]+)\".*", "$1");
        return new Get(app.resolve(api + "&cursor=" + cursor), "Authorization", bearer);
    }

    private String measure(String name, String size, Get request) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(request.send()).as(name + ", warm-up request " + i).isEqualTo(200);
        }
        double[] millis = new double[MEASURED];
        long itemsBefore = ReadCounter.ITEMS.get();
        long callsBefore = ReadCounter.CALLS.get();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            int status = request.send();
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(status).as(name).isEqualTo(200);
        }
        double items = (ReadCounter.ITEMS.get() - itemsBefore) / (double) MEASURED;
        double calls = (ReadCounter.CALLS.get() - callsBefore) / (double) MEASURED;
        Arrays.sort(millis);
        String row = String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d |", name, size,
                percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1], items, calls, MEASURED);
        System.out.println(row);
        return row;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void seed() throws Exception {
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            seedStore(dynamoDb, pool, MID, MID_ITEMS);
            seedStore(dynamoDb, pool, BIG, BIG_ITEMS);
            List<Future<?>> writes = new ArrayList<>();
            List<WriteRequest> batch = new ArrayList<>(25);
            for (int s = 0; s < SMALL_STORES; s++) {
                long out = (s * 7919L) % 13;
                batch.add(put(registry(String.format("store-%04d", s), 100, out, 5, 95 - out)));
                if (batch.size() == 25) {
                    List<WriteRequest> full = batch;
                    writes.add(pool.submit(() -> write(dynamoDb, DynamoDbLocalResource.STORES, full)));
                    batch = new ArrayList<>(25);
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();
        }
    }

    /** The store's items, their token rows and its registry item (counted here, as the reconcile would). */
    private static void seedStore(DynamoDbClient dynamoDb, ExecutorService pool, String store, int count)
            throws Exception {
        Instant now = Instant.parse("2026-11-25T06:00:00Z");
        long[] counts = new long[3];
        List<Future<?>> writes = new ArrayList<>();
        List<WriteRequest> items = new ArrayList<>(25);
        List<WriteRequest> tokens = new ArrayList<>(25);
        for (int i = 0; i < count; i++) {
            long level = i % 20 == 0 ? 0 : (i % 10 == 1 ? 3 : 10 + (i * 7919L) % 500);
            counts[level == 0 ? 0 : level <= 5 ? 1 : 2]++;
            String id = String.format("sku-%06d", i);
            String name = WORDS[i % WORDS.length] + String.format("%06d", (i * 7919L) % 1_000_000);
            InventoryItem item = new InventoryItem(store, id, name, level, now.minusSeconds(i), OptionalInt.empty(),
                    "s3://bucket/" + store + "/stock.csv");
            items.add(put(InventoryItemAttributes.toAttributes(item, 5)));
            for (String token : SearchTokensTable.tokens(id, name)) {
                tokens.add(put(Map.of(SearchTokensTable.STORE_ID, AttributeValue.fromS(store),
                        SearchTokensTable.TOKEN_KEY, AttributeValue.fromS(SearchTokensTable.tokenKey(token, id)),
                        SearchTokensTable.ITEM_ID, AttributeValue.fromS(id),
                        SearchTokensTable.ITEM_NAME, AttributeValue.fromS(name))));
                if (tokens.size() == 25) {
                    List<WriteRequest> full = tokens;
                    writes.add(pool.submit(() -> write(dynamoDb, DynamoDbLocalResource.SEARCH, full)));
                    tokens = new ArrayList<>(25);
                }
            }
            if (items.size() == 25 || i == count - 1) {
                List<WriteRequest> full = items;
                writes.add(pool.submit(() -> write(dynamoDb, DynamoDbLocalResource.INVENTORY, full)));
                items = new ArrayList<>(25);
            }
            if (writes.size() > 200) {
                for (Future<?> write : writes) {
                    write.get();
                }
                writes.clear();
            }
        }
        if (!tokens.isEmpty()) {
            List<WriteRequest> rest = tokens;
            writes.add(pool.submit(() -> write(dynamoDb, DynamoDbLocalResource.SEARCH, rest)));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        write(dynamoDb, DynamoDbLocalResource.STORES, List.of(put(registry(store, count, counts[0], counts[1], counts[2]))));
    }

    private static Map<String, AttributeValue> registry(String store, long items, long out, long low, long in) {
        return Map.of(StoresTable.STORE_ID, AttributeValue.fromS(store),
                StoresTable.REGISTRY, AttributeValue.fromS(StoresTable.REGISTRY_PARTITION),
                StoresTable.ITEMS, AttributeValue.fromN(Long.toString(items)),
                StoresTable.OUT_OF_STOCK, AttributeValue.fromN(Long.toString(out)),
                StoresTable.LOW_STOCK, AttributeValue.fromN(Long.toString(low)),
                StoresTable.IN_STOCK, AttributeValue.fromN(Long.toString(in)),
                StoresTable.LAST_IMPORT_AT, AttributeValue.fromS("2026-11-25T06:00:00.000Z"),
                StoresTable.LAST_IMPORT_STATUS, AttributeValue.fromS("LOADED"));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
