package com.stockwatch.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code ./stockwatch local}: every port has a default, an environment variable and a flag (flags win);
 * port 0 picks a free one (the end-to-end test does that).
 */
record StackOptions(Path root, Path dataDir, boolean fresh, boolean nativeMode, int httpPort, int dynamoDbPort,
        int s3Port, int oidcPort, int snsPort, String bucket, String region, int dashboardInstances) {

    static final String USAGE = """
            Usage: ./stockwatch local [options]
              --fresh               delete the data of earlier runs (.stockwatch/) and start empty
              --native              run each function's native binary (<module>/target/*-runner) when it exists
              --http-port N         dashboard (API Gateway HTTP API)   default 8080  env STOCKWATCH_HTTP_PORT
              --dynamodb-port N     DynamoDB Local                     default 8000  env STOCKWATCH_DYNAMODB_PORT
              --s3-port N           S3 (S3Mock)                        default 9090  env STOCKWATCH_S3_PORT
              --oidc-port N         OIDC provider (Cognito stand-in)   default 8180  env STOCKWATCH_OIDC_PORT
              --sns-port N          SNS stand-in                       default 9911  env STOCKWATCH_SNS_PORT
              --data-dir DIR        where data persists                default .stockwatch  env STOCKWATCH_DATA_DIR
              --dashboard-instances N  dashboard invocations at once (one process each, like Lambda instances)
                                    default 2  env STOCKWATCH_DASHBOARD_INSTANCES
            """;

    static StackOptions parse(Path root, List<String> args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(args);
        boolean fresh = rest.remove("--fresh");
        boolean nativeMode = rest.remove("--native");
        String dataDir = take(rest, "--data-dir", env.getOrDefault("STOCKWATCH_DATA_DIR", ".stockwatch"));
        int http = port(take(rest, "--http-port", env.getOrDefault("STOCKWATCH_HTTP_PORT", "8080")), "--http-port");
        int dynamo = port(take(rest, "--dynamodb-port", env.getOrDefault("STOCKWATCH_DYNAMODB_PORT", "8000")),
                "--dynamodb-port");
        int s3 = port(take(rest, "--s3-port", env.getOrDefault("STOCKWATCH_S3_PORT", "9090")), "--s3-port");
        int oidc = port(take(rest, "--oidc-port", env.getOrDefault("STOCKWATCH_OIDC_PORT", "8180")), "--oidc-port");
        int sns = port(take(rest, "--sns-port", env.getOrDefault("STOCKWATCH_SNS_PORT", "9911")), "--sns-port");
        int dashboards = instances(take(rest, "--dashboard-instances",
                env.getOrDefault("STOCKWATCH_DASHBOARD_INSTANCES", "2")));
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + rest + "\n" + USAGE);
        }
        Path data = Path.of(dataDir);
        return new StackOptions(root, data.isAbsolute() ? data : root.resolve(data), fresh, nativeMode, http, dynamo,
                s3, oidc, sns, "inventory-local", "us-east-1", dashboards);
    }

    static String take(List<String> args, String name, String defaultValue) {
        int i = args.indexOf(name);
        if (i < 0) {
            return defaultValue;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static int instances(String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 1 || count > 16) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--dashboard-instances: a whole number from 1 to 16, not " + value);
        }
    }

    private static int port(String value, String name) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a port number: " + value);
        }
    }

    /** The checkout root: {@code stockwatch.root}, else the nearest folder above the working one with {@code emulators/}. */
    static Path findRoot() {
        String configured = System.getProperty("stockwatch.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("emulators/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the Stockwatch checkout (no emulators/pom.xml above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
