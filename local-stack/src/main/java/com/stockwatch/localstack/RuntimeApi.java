package com.stockwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local implementation of the AWS Lambda Runtime API (version 2018-06-01) for one function, on 127.0.0.1. The
 * function process polls {@code GET /2018-06-01/runtime/invocation/next} exactly as it does on Lambda (the Quarkus
 * Lambda extension and the native {@code bootstrap} both read {@code AWS_LAMBDA_RUNTIME_API}); {@link #invoke} queues
 * an event and completes with the payload the function posts to {@code .../response}, or fails with the body it posts
 * to {@code .../error}. One invocation at a time, like one Lambda execution environment. Several execution
 * environments of one function each poll their own Runtime API, and all of them take their invocations from one
 * shared queue, so the one that ends is told apart from the others still running.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final String functionName;
    private final String functionArn;
    private final Duration timeout;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> queue;
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    RuntimeApi(String functionName, String region, Duration timeout) throws IOException {
        this(functionName, region, timeout, newQueue());
    }

    /** A Runtime API taking its invocations from {@code queue}, which other execution environments share. */
    RuntimeApi(String functionName, String region, Duration timeout, BlockingQueue<Invocation> queue)
            throws IOException {
        this.queue = queue;
        this.functionName = functionName;
        this.functionArn = "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
        this.timeout = timeout;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + functionName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** A queue of invocations for {@link #RuntimeApi(String, String, Duration, BlockingQueue)}. */
    static BlockingQueue<Invocation> newQueue() {
        return new LinkedBlockingQueue<>();
    }

    /** {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the function first asks for an invocation: its initialisation is done. */
    CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    /** Completes with the body of {@code /runtime/init/error} if the function reports a failed initialisation. */
    CompletableFuture<String> initError() {
        return initError;
    }

    /** Queues one invocation; the future completes with the response payload or fails with {@link FunctionError}. */
    CompletableFuture<String> invoke(String payload) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload);
        if (closed) {
            invocation.result.completeExceptionally(new FunctionError(functionName, "stack is stopping"));
            return invocation.result;
        }
        queue.add(invocation);
        return invocation.result.orTimeout(timeout.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "invocation/next".equals(path)) {
                next(exchange);
            } else if ("POST".equals(method) && path.startsWith("invocation/") && path.endsWith("/response")) {
                finish(exchange, path.substring("invocation/".length(), path.length() - "/response".length()), false);
            } else if ("POST".equals(method) && path.startsWith("invocation/") && path.endsWith("/error")) {
                finish(exchange, path.substring("invocation/".length(), path.length() - "/error".length()), true);
            } else if ("POST".equals(method) && "init/error".equals(path)) {
                String body = read(exchange.getRequestBody());
                initError.complete(body);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(null);
        Invocation invocation;
        try {
            do {
                invocation = queue.poll(1, TimeUnit.SECONDS);
            } while (invocation == null && !closed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            respond(exchange, 500, "{\"errorMessage\":\"runtime API is stopping\"}");
            return;
        }
        inFlight.put(invocation.id, invocation);
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id);
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + invocation.id.replace("-", "").substring(0, 24) + ";Parent=0000000000000000;Sampled=0");
        respond(exchange, 200, invocation.payload);
    }

    private void finish(HttpExchange exchange, String id, boolean error) throws IOException {
        String body = read(exchange.getRequestBody());
        Invocation invocation = inFlight.remove(id);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown or finished request id " + id + "\"}");
            return;
        }
        if (error) {
            invocation.result.completeExceptionally(new FunctionError(functionName, body));
        } else {
            invocation.result.complete(body);
        }
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The function process ended: what it was running fails with the reason, as Lambda fails the invocation whose
     * runtime exited. Queued invocations wait for another (or a restarted) execution environment.
     */
    void processEnded(String reason) {
        FunctionError error = new FunctionError(functionName, reason);
        inFlight.values().forEach(i -> i.result.completeExceptionally(error));
        inFlight.clear();
    }

    /** Nothing will run the queued invocations any more (the function was given up): they fail with the reason. */
    void failQueued(String reason) {
        FunctionError error = new FunctionError(functionName, reason);
        Invocation queued;
        while ((queued = queue.poll()) != null) {
            queued.result.completeExceptionally(error);
        }
    }

    /** Fails every queued and running invocation, then stops the server. */
    @Override
    public void close() {
        closed = true;
        FunctionError stopping = new FunctionError(functionName, "stack is stopping");
        queue.forEach(i -> i.result.completeExceptionally(stopping));
        inFlight.values().forEach(i -> i.result.completeExceptionally(stopping));
        server.stop(0);
        executor.shutdownNow();
    }

    record Invocation(String id, String payload, CompletableFuture<String> result) {
        Invocation(String id, String payload) {
            this(id, payload, new CompletableFuture<>());
        }
    }

    /** The function posted to {@code /error} (or never answered); the message is the function's error document. */
    static final class FunctionError extends RuntimeException {
        FunctionError(String function, String errorDocument) {
            super(function + " failed: " + Json.abbreviate(errorDocument));
        }
    }
}
