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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.inventory.InventoryItemAttributes;
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
 * Latency of the inventory page and the items API for a store of 10,000 items (first page of 50, warm, JVM mode,
 * DynamoDB Local), through the Lambda HTTP adapter as the tests run it. Not a test: run it with
 * {@code ./mvnw -B -o -pl dashboard-api verify -Dtest=DashboardBenchmark -Dbenchmark=true}; results go to stdout and
 * {@code target/benchmark-dashboard.md}.
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
            config.put("inventory.dashboard.totals-cache-ttl", "PT15S");
            config.put("inventory.dashboard.stores-cache-ttl", "PT60S");
            return config;
        }
    }

    private static final String STORE = "bench";
    private static final int ITEMS = 10_000;
    private static final int WARMUP = 300;
    private static final int MEASURED = 1_000;

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
    void inventoryPageAndItemsApiOfTenThousandItems() throws Exception {
        seed();
        URI app = URI.create("http://127.0.0.1:" + RestAssured.port);
        String cookie = OidcLogin.login(app, "/stores/" + STORE, "bea", "store-" + STORE).cookieHeader();
        String token = OidcProviderResource.tokens().accessToken("bea", "store-" + STORE);

        List<String> report = new ArrayList<>();
        report.add("| request | p50 ms | p99 ms | mean ms | max ms | n |");
        report.add("|---|---:|---:|---:|---:|---:|");
        String bearer = "Bearer " + token;
        report.add(measure("inventory page `/stores/bench` (50 rows)",
                new Get(app.resolve("/stores/" + STORE), "Cookie", cookie)));
        report.add(measure("items API `/api/stores/bench/items?limit=50`",
                new Get(app.resolve("/api/stores/" + STORE + "/items?limit=50"), "Authorization", bearer)));
        report.add(measure("items API, out of stock (status index)",
                new Get(app.resolve("/api/stores/" + STORE + "/items?limit=50&status=out_of_stock"), "Authorization",
                        bearer)));
        report.add(measure("items API, next page (cursor)", nextPage(app, bearer)));
        report.add(measure("items API, sort=-level (reads and sorts all 10,000)",
                new Get(app.resolve("/api/stores/" + STORE + "/items?limit=50&sort=-level"), "Authorization", bearer),
                20, 100));
        String text = String.join("\n", report);
        System.out.println("\nDashboard benchmark (" + ITEMS + " items, JVM " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, " + Instant.now() + ")\n" + text);
        Files.writeString(Path.of("target/benchmark-dashboard.md"), text + "\n");
    }

    private Get nextPage(URI app, String bearer) throws Exception {
        String body = new Get(app.resolve("/api/stores/" + STORE + "/items?limit=50"), "Authorization", bearer).fetch()
                .body();
        String cursor = body.replaceAll("(?s).*\"nextCursor\":\"([^\"]+)\".*", "$1");
        return new Get(app.resolve("/api/stores/" + STORE + "/items?limit=50&cursor=" + cursor), "Authorization",
                bearer);
    }

    private String measure(String name, Get request) throws Exception {
        return measure(name, request, WARMUP, MEASURED);
    }

    private String measure(String name, Get request, int warmup, int measured) throws Exception {
        for (int i = 0; i < warmup; i++) {
            assertThat(request.send()).as(name + ", warm-up request " + i).isEqualTo(200);
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            int status = request.send();
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(status).as(name).isEqualTo(200);
        }
        Arrays.sort(millis);
        double mean = Arrays.stream(millis).average().orElse(0);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |", name,
                percentile(millis, 50), percentile(millis, 99), mean, millis[millis.length - 1], measured);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void seed() {
        Instant now = Instant.parse("2026-11-25T06:00:00Z");
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            List<WriteRequest> batch = new ArrayList<>(25);
            for (int i = 0; i < ITEMS; i++) {
                long level = i % 20 == 0 ? 0 : (i % 10 == 1 ? 3 : 10 + (i * 7919L) % 500);
                InventoryItem item = new InventoryItem(STORE, String.format("item-%05d", i), "Product number " + i,
                        level, now.minusSeconds(i), OptionalInt.empty(), "s3://bucket/bench/stock.csv");
                Map<String, AttributeValue> attributes = InventoryItemAttributes.toAttributes(item, 5);
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(attributes).build()).build());
                if (batch.size() == 25 || i == ITEMS - 1) {
                    write(dynamoDb, batch);
                    batch = new ArrayList<>(25);
                }
            }
        }
    }

    private static void write(DynamoDbClient dynamoDb, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(DynamoDbLocalResource.INVENTORY, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
