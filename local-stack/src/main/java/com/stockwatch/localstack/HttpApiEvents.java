package com.stockwatch.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API Gateway HTTP API payload format 2.0: an HTTP request as the {@code APIGatewayV2HTTPEvent} API Gateway sends to
 * Lambda, and the function's response back to HTTP.
 */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** The parts of an HTTP request the event carries. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
            String sourceIp, int port) {
    }

    /** A response to write: status, headers (each name possibly several values) and body bytes. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static String event(Request request, Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", Integer.toString(request.port()));
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", headers.getOrDefault("host", "localhost").split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = request.body();
        if (body != null && body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return Json.write(event);
    }

    /** The function's {@code APIGatewayV2HTTPResponse}; a bare JSON value is a 200 with that JSON, as in API Gateway. */
    static Response response(String payload) {
        JsonNode root = Json.read(payload);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (root == null || !root.isObject() || !root.has("statusCode")) {
            headers.put("content-type", List.of("application/json"));
            return new Response(200, headers, (payload == null ? "" : payload).getBytes(StandardCharsets.UTF_8));
        }
        int status = root.path("statusCode").asInt(200);
        root.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT),
                new ArrayList<>(List.of(e.getValue().asText()))));
        root.path("multiValueHeaders").properties().forEach(e -> {
            List<String> values = headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            e.getValue().forEach(v -> {
                if (!values.contains(v.asText())) {
                    values.add(v.asText());
                }
            });
        });
        if (root.path("cookies").isArray() && !root.path("cookies").isEmpty()) {
            List<String> setCookie = headers.computeIfAbsent("set-cookie", k -> new ArrayList<>());
            root.path("cookies").forEach(c -> setCookie.add(c.asText()));
        }
        String body = root.path("body").isNull() || root.path("body").isMissingNode() ? "" : root.path("body").asText();
        byte[] bytes = root.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(status, headers, bytes);
    }

    /** API Gateway joins repeated parameters with commas; values stay URL-decoded. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
    }
}
