package com.stockwatch.emulators.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of DynamoDB Local that throttles writes as DynamoDB does on a hot partition: write requests
 * ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code BatchWriteItem}) beyond {@code writesPerSecond}
 * (a token bucket holding {@code burst} writes) are answered with HTTP 400
 * {@code ProvisionedThroughputExceededException}, exactly the body DynamoDB sends; everything else, and writes within
 * the rate, go through to the emulator unchanged.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem",
            "DynamoDB_20120810.DeleteItem", "DynamoDB_20120810.BatchWriteItem");
    private static final byte[] THROTTLED = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
            + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput"
            + " for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}")
            .getBytes(StandardCharsets.UTF_8);
    /** Hop-by-hop headers, and those the JDK's HTTP client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect",
            "transfer-encoding", "upgrade", "keep-alive", "date", "from", "origin", "referer", "via", "warning");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "throttling-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private double writesPerSecond;
    private double burst;
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong forwardedWrites = new AtomicLong();
    private double tokens;
    private long refilledAt = System.nanoTime();

    private ThrottlingProxy(URI target, double writesPerSecond, double burst) throws IOException {
        this.target = target;
        this.writesPerSecond = writesPerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A small {@code burst} makes the throttling independent of how fast the machine is: writes sent together beyond
     * it are throttled at once.
     */
    public static ThrottlingProxy start(URI dynamoDb, double writesPerSecond, double burst) throws IOException {
        return new ThrottlingProxy(dynamoDb, writesPerSecond, burst);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Changes the rate, e.g. to let a writer that backed off recover. */
    public synchronized void writesPerSecond(double rate, double newBurst) {
        this.writesPerSecond = rate;
        this.burst = newBurst;
    }

    /** Writes answered with ProvisionedThroughputExceededException so far. */
    public long throttled() {
        return throttled.get();
    }

    /** Writes let through so far. */
    public long forwardedWrites() {
        return forwardedWrites.get();
    }

    private synchronized boolean takeToken() {
        long now = System.nanoTime();
        tokens = Math.min(Math.max(burst, 1), tokens + (now - refilledAt) / 1e9 * writesPerSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (operation != null && WRITES.contains(operation)) {
                if (!takeToken()) {
                    throttled.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "ProvisionedThroughputExceededException");
                    exchange.sendResponseHeaders(400, THROTTLED.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(THROTTLED);
                    }
                    return;
                }
                forwardedWrites.incrementAndGet();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
