package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * End to end: starts the stack the way {@code ./stockwatch local} does (the same main class and classpath, in its own
 * JVM, on free ports and a fresh data folder under {@code target/}), uploads files with the AWS SDK and follows them
 * through the real loader, notifier and dashboard functions. Finally it stops the stack as Ctrl-C does (SIGTERM, the
 * shutdown hook) and checks that no child process is left.
 *
 * <p>With {@code -Dstockwatch.it.native=true} ({@code ./stockwatch native --test}) the same test runs the stack with
 * {@code --native}: the three functions run from their native executables ({@code <module>/target/*-runner}), and
 * the test fails if any of them runs on the JVM instead. {@code -Dstockwatch.it.native=loader,notifier} expects
 * only those to be native (the others were built through native-image's analysis stage only and run on the JVM).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** A restarted function is a cold JVM again and retries the batch it lost: minutes on a machine at load 20+. */
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(300);
    private static final List<String> NATIVE_FUNCTIONS = nativeFunctions(System.getProperty("stockwatch.it.native", ""));
    private static final boolean NATIVE = !NATIVE_FUNCTIONS.isEmpty();

    private static Process stack;
    private static final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, String> endpoints = new LinkedHashMap<>();
    private static final Map<String, Long> pids = new LinkedHashMap<>();
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static long startMillis;
    private static Thread pump;

    @BeforeAll
    static void startStack() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        Path dataDir = module.resolve("target/it-stack");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dstockwatch.root=" + root, "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp",
                module.resolve("target/classes") + File.pathSeparator
                        + Files.readString(module.resolve("target/classpath.txt")).trim(),
                "com.stockwatch.localstack.LocalStackMain", "local", "--fresh", "--data-dir", dataDir.toString()));
        for (String port : List.of("--http-port", "--dynamodb-port", "--s3-port", "--oidc-port", "--sns-port")) {
            command.add(port);
            command.add(Integer.toString(freePort()));
        }
        if (NATIVE) {
            command.add("--native");
        }
        long started = System.nanoTime();
        stack = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stack.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    System.out.println("[stack] " + line);
                    if (line.startsWith("STACK-PIDS ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // The stack ended.
            }
            ready.completeExceptionally(new AssertionError("the stack exited before it was ready:\n"
                    + String.join("\n", output)));
        }, "stack-output");
        pump.setDaemon(true);
        pump.start();
        ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        startMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[it] stack ready in " + startMillis + " ms");
        for (String line : output) {
            if (line.startsWith("STACK-READY ")) {
                for (String pair : line.substring("STACK-READY ".length()).split(" ")) {
                    endpoints.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            } else if (line.startsWith("STACK-PIDS ")) {
                for (String pair : line.substring("STACK-PIDS ".length()).split(" ")) {
                    pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            }
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(URI.create(endpoints.get("S3"))).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(endpoints.get("DynamoDB")))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void closeClients() {
        if (s3 != null) {
            s3.close();
            dynamoDb.close();
        }
        if (stack != null && stack.isAlive()) {
            stack.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void everyPartIsRunningWithItsOwnProcess() {
        assertThat(pids).containsKeys("dynamodb", "s3", "oidc", "loader", "notifier", "dashboard-api", "notifier-schedule");
        assertThat(endpoints).containsKeys("DynamoDB", "S3", "OIDC-issuer", "SNS-stand-in", "Dashboard");
        assertThat(dynamoDb.listTables().tableNames()).contains("Inventory", "InventoryImports", "InventoryAlerts");
        assertThat(output).anyMatch(l -> l.contains("berlin manager"));
        if (NATIVE) {
            for (String function : NATIVE_FUNCTIONS) {
                String executable = ProcessHandle.of(pids.get(function)).flatMap(p -> p.info().command()).orElse("");
                assertThat(executable).as("%s runs its native executable", function)
                        .endsWith("-runner").contains(function);
            }
        }
    }

    @Test
    @Order(2)
    void uploadedFileIsLoadedAndRecordedAsAnImport() {
        put("berlin/e2e stock.csv", "item_id,item_name,inventory_level,low_stock_threshold\n"
                + "E2E-MILK,Whole Milk 1L,12,3\nE2E-EGGS,Eggs (10),0,3\nE2E-BREAD,Sourdough Bread,40,5\n");
        Map<String, AttributeValue> eggs = await("E2E-EGGS in Inventory", () -> item("berlin", "E2E-EGGS"));
        assertThat(eggs.get("inventory_level").n()).isEqualTo("0");
        assertThat(eggs.get("source").s()).isEqualTo("s3://inventory-local/berlin/e2e stock.csv");
        assertThat(item("berlin", "E2E-MILK").get("item_name").s()).isEqualTo("Whole Milk 1L");

        Map<String, AttributeValue> record = await("import record of e2e stock.csv",
                () -> importOf("berlin", "berlin/e2e stock.csv"));
        assertThat(record.get("status").s()).isEqualTo("LOADED");
        assertThat(record.get("rows_read").n()).isEqualTo("3");
        assertThat(record.get("rows_written").n()).isEqualTo("3");
    }

    @Test
    @Order(3)
    void fileWithBadRowsIsPartiallyLoadedWithItsRejectedRows() {
        put("berlin/e2e-bad.csv", "item_id,inventory_level\nE2E-OK,7\nE2E-NEG,-1\nE2E-FRACTION,1.5\n");
        Map<String, AttributeValue> record = await("import record of e2e-bad.csv",
                () -> importOf("berlin", "berlin/e2e-bad.csv"));
        assertThat(record.get("status").s()).isEqualTo("PARTIAL");
        assertThat(record.get("rows_rejected").n()).isEqualTo("2");
        assertThat(record.get("errors").l()).hasSize(2);
        assertThat(item("berlin", "E2E-OK")).isNotNull();
        assertThat(item("berlin", "E2E-NEG")).isNull();
    }

    /**
     * A file above the AWS CLI's 8 MB multipart threshold, uploaded with the calls the CLI makes with its default
     * checksums (botocore 1.36+; CLI v1 1.45 and v2 from 2.23 alike), here through the SDK for Java so the test needs
     * no CLI: CreateMultipartUpload with {@code ChecksumAlgorithm=CRC32}, each part with its CRC32, and
     * CompleteMultipartUpload without repeating the parts' checksums (the S3Mock launcher's
     * {@code MultipartChecksumsAsS3} lets S3Mock accept it as S3 does). Two more files are uploaded at the same
     * moment: the loader's instances take them side by side. It runs after the alert test: its 10,000 items are a
     * long stream backlog for the notifier.
     */
    @Test
    @Order(6)
    void aMultipartUploadAboveEightMegabytesWithTheCliChecksumsIsLoadedWithOtherFilesAtOnce() {
        StringBuilder csv = new StringBuilder("item_id,item_name,inventory_level\n");
        String name = "Name ".repeat(180);
        int rows = 0;
        while (csv.length() < 9 * 1024 * 1024) {
            rows++;
            csv.append("MP-%06d,%s%d,%d\n".formatted(rows, name, rows, rows % 50));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        String key = "lyon/big stock.csv";
        String uploadId = s3.createMultipartUpload(b -> b.bucket("inventory-local").key(key)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        int partSize = 8 * 1024 * 1024;
        for (int offset = 0, number = 1; offset < bytes.length; offset += partSize, number++) {
            int from = offset;
            int partNumber = number;
            String eTag = s3.uploadPart(b -> b.bucket("inventory-local").key(key).uploadId(uploadId)
                    .partNumber(partNumber).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(
                            Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + partSize)))).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        assertThat(parts).hasSize(2);
        s3.completeMultipartUpload(b -> b.bucket("inventory-local").key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        put("lyon/small-1.csv", "item_id,inventory_level\nLY-1,4\n");
        put("lyon/small-2.csv", "item_id,inventory_level\nLY-2,5\n");

        for (String small : List.of("lyon/small-1.csv", "lyon/small-2.csv")) {
            assertThat(await("import of " + small, () -> importOf("lyon", small)).get("status").s())
                    .isEqualTo("LOADED");
        }
        // 10,000 rows of 1 KB items through 60 s invocations and their continuations: about a minute on a quiet
        // machine; the bound is for a machine that builds native images next to it (3 minutes were too few at load 20).
        Map<String, AttributeValue> record = await("import record of big stock.csv", Duration.ofMinutes(6),
                () -> importOf("lyon", key));
        assertThat(record.get("status").s()).isEqualTo("LOADED");
        assertThat(record.get("rows_read").n()).isEqualTo(Integer.toString(rows));
        assertThat(record.get("rows_written").n()).isEqualTo(Integer.toString(rows));
        assertThat(item("lyon", "MP-%06d".formatted(rows)).get("item_name").s()).isEqualTo(name + rows);
    }

    @Test
    @Order(4)
    void itemAtZeroRaisesAnAlertInTheTableAndInTheSnsStandIn() throws Exception {
        Map<String, AttributeValue> alert = await("OUT_OF_STOCK alert of E2E-EGGS", () -> dynamoDb.query(b -> b
                .tableName("InventoryAlerts").keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("berlin")))).items().stream()
                .filter(a -> "E2E-EGGS".equals(a.get("item_id").s())).findFirst().orElse(null));
        assertThat(alert.get("alert_type").s()).isEqualTo("OUT_OF_STOCK");

        JsonNode message = await("SNS message about E2E-EGGS", () -> {
            JsonNode messages = Json.read(get(endpoints.get("SNS-stand-in") + "/messages", null).body());
            for (JsonNode m : messages) {
                if (m.toString().contains("E2E-EGGS")) {
                    return m;
                }
            }
            return null;
        });
        assertThat(message.at("/messageAttributes/store_id").asText()).isEqualTo("berlin");
        assertThat(message.at("/messageAttributes/alert_type").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(message.path("topicArn").asText()).isEqualTo(LocalStack.TOPIC_ARN);
        assertThat(get(endpoints.get("SNS-stand-in") + "/", null).body()).contains("E2E-EGGS");
    }

    @Test
    @Order(7)
    void dashboardApiAnswersForALoggedInUserWithATokenFromTheOidcProvider() throws Exception {
        String dashboard = endpoints.get("Dashboard");
        String token = mintAccessToken("berlin-manager", "store-berlin");

        assertThat(get(dashboard + "/api/stores/berlin/items", null).statusCode()).isEqualTo(401);
        HttpResponse<String> items = get(dashboard + "/api/stores/berlin/items?limit=50", token);
        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(items.body()).contains("E2E-MILK", "E2E-EGGS");
        assertThat(get(dashboard + "/api/stores/paris/items", token).statusCode()).isEqualTo(403);
        HttpResponse<String> imports = get(dashboard + "/api/stores/berlin/imports", token);
        assertThat(imports.statusCode()).isEqualTo(200);
        assertThat(imports.body()).contains("e2e-bad.csv");
    }

    /**
     * The browser's way in, without a browser: the dashboard page sends an anonymous visitor to the provider's login
     * form (authorization code flow), the form's answer comes back to the dashboard's callback, and the session
     * cookie it sets opens the store's page. On native dashboard-api this is the OIDC web-app path (state cookie,
     * code exchange, ID token check, session cookie encryption) that the bearer-token API call above does not take.
     */
    @Test
    @Order(8)
    void aVisitorSignsInThroughTheProvidersLoginPageAndSeesTheStore() throws Exception {
        String dashboard = endpoints.get("Dashboard");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> page = browse(browser, "GET", dashboard + "/stores/berlin", null);
        assertThat(page.statusCode()).as("an anonymous page view is redirected").isEqualTo(302);
        String loginPage = page.headers().firstValue("Location").orElseThrow();
        assertThat(loginPage).startsWith(endpoints.get("OIDC-issuer")).contains("response_type=code");

        HttpResponse<String> form = browse(browser, "GET", loginPage, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"", "name=\"claims\"");

        HttpResponse<String> signedIn = browse(browser, "POST", loginPage, "username=bernd&claims=" + URLEncoder.encode(
                "{\"cognito:groups\": [\"store-berlin\"]}", StandardCharsets.UTF_8));
        String callback = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).as("the provider answers to the dashboard's callback").startsWith(dashboard)
                .contains("code=");

        HttpResponse<String> session = browse(browser, "GET", callback, null);
        assertThat(session.statusCode()).as("the callback sets the session and returns to the page").isEqualTo(302);
        String back = session.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> store = browse(browser, "GET", back.startsWith("/") ? dashboard + back : back, null);
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("E2E-MILK", "bernd");
        assertThat(browse(browser, "GET", dashboard + "/stores/paris", null).statusCode()).isEqualTo(403);
    }

    /**
     * Issue 14: a killed function process is noticed (its exit is logged with the status), replaced by a fresh one
     * (the restart is logged and counted), and the stack goes on working: an item that runs out afterwards still
     * raises its alert through the restarted notifier. It runs before the 9 MB file, whose thousands of stream
     * records would otherwise queue ahead of that alert on a busy machine.
     */
    @Test
    @Order(5)
    void aKilledNotifierIsRestartedAndAlertsStillGoOut() {
        long killed = pids.get("notifier");
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::destroyForcibly)).contains(true);

        String restart = await("the notifier restarted", () -> output.stream()
                .filter(l -> l.startsWith("FUNCTION-RESTART notifier ")).findFirst().orElse(null));
        assertThat(output).anyMatch(l -> l.startsWith("FUNCTION-EXIT notifier pid=" + killed + " status=137"));
        assertThat(restart).contains("restart=1");
        long restarted = Long.parseLong(restart.replaceFirst(".* pid=(\\d+) .*", "$1"));
        pids.put("notifier (restarted)", restarted);
        assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive)).contains(true);

        put("berlin/e2e after restart.csv", "item_id,item_name,inventory_level,low_stock_threshold\n"
                + "E2E-MILK,Whole Milk 1L,0,3\n");
        JsonNode message = await("SNS message about E2E-MILK after the restart", RESTART_TIMEOUT, () -> {
            for (JsonNode m : Json.read(get(endpoints.get("SNS-stand-in") + "/messages", null).body())) {
                if (m.toString().contains("E2E-MILK")) {
                    return m;
                }
            }
            return null;
        });
        assertThat(message.at("/messageAttributes/alert_type").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(output).noneMatch(l -> l.startsWith("FUNCTION-GAVE-UP"));
    }

    @Test
    @Order(9)
    void stoppingTheStackLeavesNoProcessBehind() throws Exception {
        long stopStarted = System.nanoTime();
        // SIGTERM: the same shutdown hook as Ctrl-C. (Process.destroy() would also close our end of its output.)
        stack.toHandle().destroy();
        assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("the stack exits within 60 s").isTrue();
        System.out.println("[it] stack stopped in " + (System.nanoTime() - stopStarted) / 1_000_000 + " ms");
        pump.join(10_000); // the last lines of the stack's output
        for (Map.Entry<String, Long> child : pids.entrySet()) {
            assertThat(ProcessHandle.of(child.getValue()).map(ProcessHandle::isAlive).orElse(false))
                    .as("process of %s (pid %d) is gone", child.getKey(), child.getValue()).isFalse();
        }
        assertThat(output).anyMatch(l -> l.contains("Stopped."));
    }

    private static void put(String key, String content) {
        s3.putObject(b -> b.bucket("inventory-local").key(key).contentType("text/csv"),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> item(String store, String itemId) {
        var response = dynamoDb.getItem(b -> b.tableName("Inventory").consistentRead(true).key(Map.of(
                "store_id", AttributeValue.fromS(store), "item_id", AttributeValue.fromS(itemId))));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private static Map<String, AttributeValue> importOf(String store, String key) {
        return dynamoDb.query(b -> b.tableName("InventoryImports").keyConditionExpression("store_id = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store)))).items().stream()
                .filter(r -> r.containsKey("object_key") && key.equals(r.get("object_key").s()))
                .filter(r -> r.containsKey("status") && !"RUNNING".equals(r.get("status").s()))
                .findFirst().orElse(null);
    }

    private static <T> T await(String what, Supplier<T> probe) {
        return await(what, EVENT_TIMEOUT, probe);
    }

    private static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not seen within " + timeout.toSeconds() + " s: " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    private static HttpResponse<String> get(String url, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> browse(HttpClient browser, String method, String url, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A Cognito-shaped access token from the stack's OIDC provider, minted by the documented command
     * {@code ./stockwatch token --user U --groups G --oidc-port P} (build skipped: verify built it).
     */
    private static String mintAccessToken(String user, String group) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String oidcPort = Integer.toString(URI.create(endpoints.get("OIDC-issuer")).getPort());
        ProcessBuilder command = new ProcessBuilder("bash", root.resolve("stockwatch").toString(), "token",
                "--user", user, "--groups", group, "--oidc-port", oidcPort).redirectErrorStream(true);
        command.environment().put("STOCKWATCH_SKIP_BUILD", "1");
        Process token = command.start();
        String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).as("./stockwatch token: %s", out).isZero();
        assertThat(out).as("one JWT, alone on standard output").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        return out;
    }

    private static List<String> nativeFunctions(String property) {
        if (property.isBlank() || property.equals("false")) {
            return List.of();
        }
        return property.equals("true") ? List.of("loader", "notifier", "dashboard-api")
                : List.of(property.split(","));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
