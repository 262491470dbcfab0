package com.stockwatch.localstack;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.stockwatch.emulators.ChildProcessHandle;
import com.stockwatch.inventory.TableSchemas;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The whole system on this machine. Start order: the emulators (DynamoDB Local, S3Mock, the OIDC provider; child
 * processes, in parallel) and the SNS stand-in; the tables and the bucket; the three functions (child processes
 * polling their local Lambda Runtime API, in parallel); then the event sources (S3 -> loader, stream -> notifier) and
 * the HTTP API in front of the dashboard. Any failure stops what already runs and names the part and the cause.
 */
public final class LocalStack implements AutoCloseable {

    public static final String INVENTORY = "Inventory";
    public static final String IMPORTS = "InventoryImports";
    public static final String ALERTS = "InventoryAlerts";
    public static final String STORES = "InventoryStores";
    public static final String ITEM_STATES = "InventoryItemStates";
    public static final String SEARCH = "InventorySearch";
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:NoStock";
    public static final String OIDC_CLIENT_ID = "stockwatch-dashboard";
    public static final String OIDC_CLIENT_SECRET = "local-dashboard-secret";
    /** Path of the issuer below the OIDC provider's base URL, standing in for the Cognito user pool id. */
    public static final String OIDC_ISSUER_ID = "cognito";
    public static final String OIDC_SCOPE = "openid stockwatch/dashboard";
    /** Loader processes polling one Runtime API: files uploaded together load side by side, as on Lambda. */
    static final int LOADER_INSTANCES = 2;
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private static final Duration EMULATOR_START = Duration.ofSeconds(120);

    private final StackOptions options;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final Path logDir;
    private volatile boolean closed;
    private final CompletableFuture<StackException> failure = new CompletableFuture<>();
    private LambdaFunction.Runtime functionRuntime;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.logDir = options.dataDir().resolve("logs");
    }

    /** Starts everything or nothing: on failure what started is stopped and a {@link StackException} names the part. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        checkPortFree("dashboard HTTP API", options.httpPort());
        checkPortFree("DynamoDB Local", options.dynamoDbPort());
        checkPortFree("S3", options.s3Port());
        checkPortFree("OIDC provider", options.oidcPort());
        checkPortFree("SNS stand-in", options.snsPort());
        prepareDataDir();

        CompletableFuture<String> dynamoDb = emulator("dynamodb", "com.stockwatch.emulators.dynamodb.DynamoDbLocalMain",
                List.of("--port", Integer.toString(options.dynamoDbPort()),
                        "--data-dir", options.dataDir().resolve("dynamodb").toString()));
        CompletableFuture<String> s3 = emulator("s3", "com.stockwatch.emulators.s3.S3MockMain",
                List.of("--port", Integer.toString(options.s3Port()), "--buckets", options.bucket(),
                        "--data-dir", options.dataDir().resolve("s3").toString()));
        CompletableFuture<String> oidc = emulator("oidc", "com.stockwatch.emulators.oidc.OidcProviderMain",
                List.of("--port", Integer.toString(options.oidcPort()), "--issuer-id", OIDC_ISSUER_ID,
                        "--scope", OIDC_SCOPE));
        SnsStandIn sns = startSns();

        String dynamoDbUrl = await("DynamoDB Local", dynamoDb);
        String s3Url = await("S3", s3);
        String oidcUrl = await("OIDC provider", oidc);
        String snsUrl = "http://127.0.0.1:" + sns.port();
        endpoints.put("DynamoDB", dynamoDbUrl);
        endpoints.put("S3", s3Url);
        endpoints.put("OIDC issuer", oidcUrl + "/" + OIDC_ISSUER_ID);
        endpoints.put("SNS stand-in", snsUrl);

        DynamoDbClient dynamoDbClient = closeLater(DynamoDbClient.builder().endpointOverride(URI.create(dynamoDbUrl))
                .region(Region.of(options.region())).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build());
        DynamoDbStreamsClient streamsClient = closeLater(DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(dynamoDbUrl)).region(Region.of(options.region()))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build());
        S3Client s3Client = closeLater(S3Client.builder().endpointOverride(URI.create(s3Url)).forcePathStyle(true)
                .region(Region.of(options.region())).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build());
        createTables(dynamoDbClient);
        createBucket(s3Client);

        HttpApiGateway gateway = openGateway();
        String dashboardUrl = "http://localhost:" + gateway.port();
        Map<String, String> common = commonConfig(dynamoDbUrl, s3Url, snsUrl);
        String ricClasspath = RuntimeInterfaceClient.classpath(options.root());
        functionRuntime = new LambdaFunction.Runtime(ricClasspath,
                RuntimeInterfaceClient.unpackJni(ricClasspath, options.dataDir().resolve("lambda-runtime")),
                options.root().resolve("local-stack/target/classes"));
        LambdaInvokeApi invokeApi = openInvokeApi();
        CompletableFuture<LambdaFunction> loader = function("loader", common,
                Map.of("INVENTORY_LOADER_CONTINUATION_ENDPOINT", invokeApi.url()), LOADER_INSTANCES);
        CompletableFuture<LambdaFunction> notifier = function("notifier", common, Map.of(
                "INVENTORY_NOTIFIER_TOPIC_ARN", TOPIC_ARN,
                "INVENTORY_NOTIFIER_DASHBOARD_URL", dashboardUrl));
        CompletableFuture<LambdaFunction> dashboard = function("dashboard-api", common,
                dashboardConfig(oidcUrl, s3Url, dashboardUrl), options.dashboardInstances());
        // The notifier's scheduled handler (Terraform: a second function from the same zip, run by EventBridge
        // Scheduler): flushes digests of closed alert windows, raises STALE_INVENTORY, reconciles store summaries.
        CompletableFuture<LambdaFunction> notifierSchedule = function("notifier-schedule", "notifier", common, Map.of(
                "INVENTORY_NOTIFIER_TOPIC_ARN", TOPIC_ARN,
                "INVENTORY_NOTIFIER_DASHBOARD_URL", dashboardUrl,
                "QUARKUS_LAMBDA_HANDLER", "schedule"));
        awaitFunctions(List.of(loader, notifier, notifierSchedule, dashboard));
        LambdaFunction loaderFunction = loader.join();
        invokeApi.attach(loaderFunction);
        LambdaFunction notifierFunction = notifier.join();

        S3EventSource s3Events = closeLater(new S3EventSource(s3Client, options.bucket(), options.region(),
                loaderFunction, logDir));
        s3Events.start();
        StreamEventSource streamEvents = closeLater(new StreamEventSource(streamsClient, dynamoDbClient, INVENTORY,
                options.region(), notifierFunction::invoke, 100, Duration.ofMillis(500), 3, options.dataDir(), logDir));
        streamEvents.start();
        StreamEventSource importEvents = closeLater(new StreamEventSource(streamsClient, dynamoDbClient, IMPORTS,
                options.region(), notifierFunction::invoke, 100, Duration.ofMillis(500), 3, options.dataDir(), logDir));
        importEvents.start();
        closeLater(Schedule.start(notifierSchedule.join(), scheduleInterval(), logDir));
        gateway.attach(dashboard.join());
        gateway.start();
        endpoints.put("Dashboard", dashboardUrl);
    }

    private void checkPortFree(String part, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StackException(part, "port " + port + " is busy (" + e.getMessage()
                    + "); stop what uses it or choose another port (see ./stockwatch local --help)");
        }
    }

    private void prepareDataDir() {
        try {
            if (options.fresh() && Files.exists(options.dataDir())) {
                try (Stream<Path> files = Files.walk(options.dataDir())) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(logDir);
            Files.createDirectories(options.dataDir().resolve("dynamodb"));
            Files.createDirectories(options.dataDir().resolve("s3"));
        } catch (IOException e) {
            throw new StackException("data folder", "cannot prepare " + options.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private CompletableFuture<String> emulator(String name, String mainClass, List<String> args) {
        Path module = options.root().resolve("emulators").resolve(name);
        Path classes = module.resolve("target/classes");
        Path classpath = module.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
            throw new StackException(name + " emulator", "is not built (" + classpath
                    + " is missing); run ./mvnw -B install -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp"));
        try {
            command.add(classes + File.pathSeparator + Files.readString(classpath).trim());
            command.add(mainClass);
            command.addAll(args);
            ChildProcessHandle part = closeLater(ChildProcessHandle.start(name, command, Map.of(),
                    logDir.resolve(name + ".log")));
            pids.put(name, part.pid());
            return part.ready();
        } catch (IOException e) {
            throw new StackException(name + " emulator", "cannot start: " + e.getMessage(), e);
        }
    }

    private String await(String part, CompletableFuture<String> ready) {
        try {
            return ready.get(EMULATOR_START.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StackException(part, e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StackException(part, "not ready within " + EMULATOR_START.toSeconds() + " s (log in " + logDir
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(part, "interrupted while starting");
        }
    }

    private SnsStandIn startSns() {
        try {
            SnsStandIn sns = closeLater(new SnsStandIn(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    options.snsPort()), options.dataDir().resolve("sns-messages.jsonl")));
            sns.start();
            return sns;
        } catch (BindException e) {
            throw new StackException("SNS stand-in", "port " + options.snsPort() + " is busy");
        } catch (IOException e) {
            throw new StackException("SNS stand-in", e.getMessage(), e);
        }
    }

    private HttpApiGateway openGateway() {
        try {
            return closeLater(new HttpApiGateway(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    options.httpPort())));
        } catch (BindException e) {
            throw new StackException("dashboard HTTP API", "port " + options.httpPort() + " is busy");
        } catch (IOException e) {
            throw new StackException("dashboard HTTP API", e.getMessage(), e);
        }
    }

    /** A data folder from before issue 10: the imports stream and the held index are added in place. */
    private static void upgrade(DynamoDbClient dynamoDb, CreateTableRequest wanted) {
        var current = dynamoDb.describeTable(b -> b.tableName(wanted.tableName())).table();
        if (wanted.streamSpecification() != null && (current.streamSpecification() == null
                || !Boolean.TRUE.equals(current.streamSpecification().streamEnabled()))) {
            dynamoDb.updateTable(b -> b.tableName(wanted.tableName()).streamSpecification(wanted.streamSpecification()));
        }
        for (var index : wanted.globalSecondaryIndexes()) {
            if (current.globalSecondaryIndexes().stream().noneMatch(i -> i.indexName().equals(index.indexName()))) {
                dynamoDb.updateTable(b -> b.tableName(wanted.tableName())
                        .attributeDefinitions(wanted.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
            }
        }
    }

    private void createTables(DynamoDbClient dynamoDb) {
        try {
            for (CreateTableRequest table : List.of(TableSchemas.inventory(INVENTORY), TableSchemas.imports(IMPORTS),
                    TableSchemas.alerts(ALERTS), TableSchemas.stores(STORES), TableSchemas.itemStates(ITEM_STATES),
                    TableSchemas.search(SEARCH))) {
                try {
                    dynamoDb.describeTable(b -> b.tableName(table.tableName()));
                    upgrade(dynamoDb, table);
                } catch (ResourceNotFoundException absent) {
                    dynamoDb.createTable(table);
                    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
                }
            }
        } catch (RuntimeException e) {
            throw new StackException("DynamoDB Local", "cannot create the tables: " + e.getMessage(), e);
        }
    }

    private void createBucket(S3Client s3) {
        try {
            s3.headBucket(b -> b.bucket(options.bucket()));
        } catch (NoSuchBucketException absent) {
            try {
                s3.createBucket(b -> b.bucket(options.bucket()));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // Created meanwhile.
            }
        } catch (RuntimeException e) {
            throw new StackException("S3", "cannot create bucket " + options.bucket() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> commonConfig(String dynamoDbUrl, String s3Url, String snsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("INVENTORY_AWS_REGION", options.region());
        env.put("INVENTORY_AWS_DYNAMODB_ENDPOINT", dynamoDbUrl);
        env.put("INVENTORY_AWS_S3_ENDPOINT", s3Url);
        env.put("INVENTORY_AWS_SNS_ENDPOINT", snsUrl);
        env.put("INVENTORY_AWS_S3_PATH_STYLE", "true");
        env.put("INVENTORY_AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("INVENTORY_AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("INVENTORY_TABLES_INVENTORY", INVENTORY);
        env.put("INVENTORY_TABLES_IMPORTS", IMPORTS);
        env.put("INVENTORY_TABLES_ALERTS", ALERTS);
        env.put("INVENTORY_TABLES_STORES", STORES);
        env.put("INVENTORY_TABLES_ITEM_STATES", ITEM_STATES);
        env.put("INVENTORY_TABLES_SEARCH", SEARCH);
        return env;
    }

    private Map<String, String> dashboardConfig(String oidcUrl, String s3Url, String dashboardUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("INVENTORY_DASHBOARD_UPLOAD_BUCKET", options.bucket());
        env.put("INVENTORY_DASHBOARD_UPLOAD_ORIGINS", s3Url);
        String issuer = oidcUrl + "/" + OIDC_ISSUER_ID;
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        env.put("QUARKUS_OIDC_CLIENT_ID", OIDC_CLIENT_ID);
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", OIDC_CLIENT_SECRET);
        env.put("QUARKUS_OIDC_END_SESSION_PATH", issuer + "/endsession");
        // Plain HTTP on localhost: no https redirects, no Secure-only cookies.
        env.put("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME", "false");
        env.put("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "false");
        env.put("QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE", "false");
        env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "local-stack-session-secret-0123456789abcdefgh");
        env.put("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", "local-stack-state-secret-0123456789abcdefghijk");
        env.put("QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY", "local-stack-csrf-signature-key-0123456789abcd");
        return env;
    }

    private CompletableFuture<LambdaFunction> function(String module, Map<String, String> common,
            Map<String, String> own) {
        return function(module, module, common, own, 1);
    }

    /** Lambda's asynchronous Invoke for the loader's continuations. */
    private LambdaInvokeApi openInvokeApi() {
        try {
            return closeLater(new LambdaInvokeApi(logDir));
        } catch (IOException e) {
            throw new StackException("loader", "cannot open the Lambda Invoke API port: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<LambdaFunction> function(String module, Map<String, String> common,
            Map<String, String> own, int instances) {
        return function(module, module, common, own, instances);
    }

    private CompletableFuture<LambdaFunction> function(String name, String module, Map<String, String> common,
            Map<String, String> own) {
        return function(name, module, common, own, 1);
    }

    /** A function named {@code name} running {@code module}'s build (several functions may share one zip). */
    private CompletableFuture<LambdaFunction> function(String name, String module, Map<String, String> common,
            Map<String, String> own, int instances) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        // Validate the artefact now, so a missing build is reported before anything waits.
        LambdaFunction.command(name, options.root().resolve(module), options.nativeMode(), functionRuntime);
        return CompletableFuture.supplyAsync(() -> LambdaFunction.start(name, options.root().resolve(module),
                options.nativeMode(), functionRuntime, env, options.region(), Duration.ofSeconds(60), logDir,
                instances));
    }

    /** How often the scheduled notifier runs: {@code STOCKWATCH_SCHEDULE_SECONDS}, default 60 (Terraform: 1 minute). */
    private static Duration scheduleInterval() {
        String seconds = System.getenv().getOrDefault("STOCKWATCH_SCHEDULE_SECONDS", "60");
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.trim())));
        } catch (NumberFormatException e) {
            throw new StackException("schedule", "STOCKWATCH_SCHEDULE_SECONDS must be a whole number, is " + seconds);
        }
    }

    /** Waits for every function; the ones that started are stopped with the stack even when another one failed. */
    private void awaitFunctions(List<CompletableFuture<LambdaFunction>> futures) {
        RuntimeException failure = null;
        for (CompletableFuture<LambdaFunction> future : futures) {
            try {
                LambdaFunction function = future.join();
                closeLater(function);
                pids.putAll(function.pids());
                function.gaveUp().thenAccept(this.failure::complete);
            } catch (java.util.concurrent.CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof StackException s ? s
                            : new StackException("function", String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private <T extends AutoCloseable> T closeLater(T part) {
        synchronized (running) {
            running.push(part);
        }
        return part;
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Endpoints by name, in start order. */
    public Map<String, String> endpoints() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** Completes when a function crashed too often and was given up: the stack cannot do its work any more. */
    public CompletableFuture<StackException> failure() {
        return failure;
    }

    /** Process ids of every child process (emulators and functions). */
    public Map<String, Long> pids() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(pids));
    }

    public String banner() {
        StringBuilder out = new StringBuilder("\nStockwatch local stack is ready.\n\n");
        out.append(String.format("  %-14s %s%n", "Dashboard", endpoints.get("Dashboard")));
        endpoints.entrySet().stream().filter(e -> !e.getKey().equals("Dashboard")).forEach(e -> out.append(
                String.format("  %-14s %s%n", e.getKey(), e.getValue())));
        out.append(String.format("  %-14s %s%n", "SNS messages", endpoints.get("SNS stand-in") + "/  (JSON: /messages)"));
        out.append(String.format("  %-14s s3://%s (region %s, access key %s / secret %s)%n", "Bucket",
                options.bucket(), options.region(), ACCESS_KEY, SECRET_KEY));
        out.append("\nDemo logins (OIDC login form: type the user name, and the claims as shown):\n");
        out.append("  admin           user name: admin           claims: {\"cognito:groups\": [\"admin\"]}\n");
        out.append("  berlin manager  user name: berlin-manager  claims: {\"cognito:groups\": [\"store-berlin\"]}\n");
        out.append("\nData: ").append(options.dataDir()).append(" (logs in ").append(logDir).append(")\n");
        out.append("Upload: aws --endpoint-url ").append(endpoints.get("S3"))
                .append(" s3 cp samples/<file> s3://").append(options.bucket()).append("/berlin/<file>\n");
        out.append("Press Ctrl-C to stop.\n");
        return out.toString();
    }

    /** Stops every part in reverse start order; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> parts;
        synchronized (running) {
            parts = new ArrayList<>(running);
            running.clear();
        }
        List<ChildProcessHandle> children = new ArrayList<>();
        List<LambdaFunction> functions = new ArrayList<>();
        for (AutoCloseable part : parts) {
            if (part instanceof ChildProcessHandle c) {
                children.add(c);
            } else if (part instanceof LambdaFunction f) {
                functions.add(f);
            } else {
                closeQuietly(part);
            }
        }
        // Child processes stop in parallel: each may take a few seconds to exit.
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        functions.forEach(f -> stops.add(CompletableFuture.runAsync(() -> closeQuietly(f))));
        children.forEach(c -> stops.add(CompletableFuture.runAsync(() -> closeQuietly(c))));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
