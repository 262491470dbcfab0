package com.stockwatch.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * API Gateway HTTP API ({@code $default} route, payload format 2.0) in front of the dashboard function: every HTTP
 * request becomes one synchronous invocation. Like API Gateway, a function error is a 500 {@code Internal Server
 * Error} and a timeout a 503. Like Lambda, each instance of the function handles one invocation at a time and
 * several instances run at once: a request takes an idle instance (waiting for one when all are busy), so one slow
 * request holds up only its own instance.
 */
final class HttpApiGateway implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "http-api");
        t.setDaemon(true);
        return t;
    });
    private volatile LambdaFunction function;

    HttpApiGateway(InetSocketAddress address) throws IOException {
        this.server = HttpServer.create(address, 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * The function behind the {@code $default} route (its instances serve requests side by side); set before
     * {@link #start()}.
     */
    void attach(LambdaFunction function) {
        this.function = function;
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpApiEvents.Request request = new HttpApiEvents.Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes(),
                    exchange.getRemoteAddress().getAddress().getHostAddress(), port());
            HttpApiEvents.Response response;
            try {
                response = HttpApiEvents.response(invoke(HttpApiEvents.event(request, Instant.now())));
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                System.err.println("[http-api] " + request.method() + " " + request.rawPath() + ": "
                        + cause.getMessage());
                boolean timeout = cause instanceof java.util.concurrent.TimeoutException;
                response = new HttpApiEvents.Response(timeout ? 503 : 500,
                        Map.of("content-type", List.of("application/json")),
                        (timeout ? "{\"message\":\"Service Unavailable\"}" : "{\"message\":\"Internal Server Error\"}")
                                .getBytes(StandardCharsets.UTF_8));
            }
            response.headers().forEach((name, values) -> {
                if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private String invoke(String event) {
        return function.invoke(event).join();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
