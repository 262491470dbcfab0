package com.stockwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Lambda's {@code Invoke} API for {@code InvocationType=Event} (what the loader calls to continue a long import in a
 * new invocation of itself): {@code POST /2015-03-31/functions/<name>/invocations} answers 202 at once and invokes
 * the function in the background; like Lambda's asynchronous invoke, a failed invocation is retried twice (after 1 s
 * and 2 s instead of 1 and 2 minutes), then the event goes to {@code logs/<name>-failed-events.jsonl}.
 */
final class LambdaInvokeApi implements AutoCloseable {

    private static final String PREFIX = "/2015-03-31/functions/";

    private final HttpServer server;
    private final ExecutorService deliveries = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-invoke");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();
    private final Path logDir;

    LambdaInvokeApi(Path logDir) throws IOException {
        this.logDir = logDir;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lambda-invoke-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void attach(LambdaFunction function) {
        functions.put(function.name(), function);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.startsWith(PREFIX) && path.endsWith("/invocations")
                    ? path.substring(PREFIX.length(), path.length() - "/invocations".length()) : "";
            String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            LambdaFunction function = functions.get(name);
            String payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!"POST".equals(exchange.getRequestMethod()) || function == null) {
                respond(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}",
                        "ResourceNotFoundException");
                return;
            }
            if (!"Event".equals(type)) {
                respond(exchange, 400, "{\"Type\":\"User\",\"message\":\"the local stack invokes only with"
                        + " InvocationType=Event\"}", "InvalidParameterValueException");
                return;
            }
            deliveries.execute(() -> deliver(function, payload));
            respond(exchange, 202, "", null);
        }
    }

    private void deliver(LambdaFunction function, String payload) {
        String lastError = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(attempt * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                function.invoke(payload).join();
                System.out.println("[lambda-invoke] asynchronous invocation of " + function.name() + " done");
                return;
            } catch (RuntimeException e) {
                lastError = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            }
        }
        Path failed = logDir.resolve(function.name() + "-failed-events.jsonl");
        System.err.println("[lambda-invoke] " + function.name() + " failed 3 times; event kept in " + failed + ": "
                + lastError);
        String line = Json.write(Json.object().put("error", lastError).set("event", Json.read(payload))) + "\n";
        try {
            Files.writeString(failed, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[lambda-invoke] cannot write " + failed + ": " + e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("X-Amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        deliveries.shutdownNow();
    }
}
