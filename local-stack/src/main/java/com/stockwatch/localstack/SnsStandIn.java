package com.stockwatch.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The SNS stand-in of the local stack: answers {@code Publish} and {@code PublishBatch} of the AWS Query protocol the
 * SDK's {@code SnsClient} speaks, keeps every message (also in {@code sns-messages.jsonl}, so they survive a restart)
 * and shows them: {@code GET /} as an HTML page, {@code GET /messages} as JSON, newest first.
 */
final class SnsStandIn implements AutoCloseable {

    private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "sns");
        t.setDaemon(true);
        return t;
    });
    private final Path store;
    private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();

    SnsStandIn(InetSocketAddress address, Path store) throws IOException {
        this.store = store;
        if (Files.isRegularFile(store)) {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    messages.add((ObjectNode) Json.read(line));
                }
            }
        }
        server = HttpServer.create(address, 32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<ObjectNode> messages() {
        return List.copyOf(messages);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/messages")) {
                ArrayNode array = Json.array();
                reversed().forEach(array::add);
                respond(exchange, 200, "application/json", Json.write(array));
            } else if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, "text/html; charset=utf-8", page());
            } else if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                String action = form.getOrDefault("Action", "");
                switch (action) {
                    case "Publish" -> respond(exchange, 200, "text/xml", publish(form));
                    case "PublishBatch" -> respond(exchange, 200, "text/xml", publishBatch(form));
                    default -> respond(exchange, 400, "text/xml", "<ErrorResponse xmlns=\"" + NS + "\"><Error>"
                            + "<Type>Sender</Type><Code>InvalidAction</Code><Message>The SNS stand-in answers "
                            + "Publish and PublishBatch only, not " + xml(action) + "</Message></Error>"
                            + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
                }
            } else {
                respond(exchange, 405, "text/plain", "method not allowed");
            }
        }
    }

    private String publish(Map<String, String> form) {
        String id = keep(form.get("TopicArn"), form, "");
        return "<PublishResponse xmlns=\"" + NS + "\"><PublishResult><MessageId>" + id + "</MessageId></PublishResult>"
                + metadata() + "</PublishResponse>";
    }

    private String publishBatch(Map<String, String> form) {
        StringBuilder successful = new StringBuilder();
        for (int n = 1; form.containsKey("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
            String prefix = "PublishBatchRequestEntries.member." + n + ".";
            String id = keep(form.get("TopicArn"), form, prefix);
            successful.append("<member><Id>").append(xml(form.get(prefix + "Id"))).append("</Id><MessageId>")
                    .append(id).append("</MessageId></member>");
        }
        return "<PublishBatchResponse xmlns=\"" + NS + "\"><PublishBatchResult><Successful>" + successful
                + "</Successful><Failed/></PublishBatchResult>" + metadata() + "</PublishBatchResponse>";
    }

    private String keep(String topicArn, Map<String, String> form, String prefix) {
        String id = UUID.randomUUID().toString();
        ObjectNode message = Json.object();
        message.put("messageId", id);
        message.put("receivedAt", Instant.now().toString());
        message.put("topicArn", topicArn);
        message.put("subject", form.get(prefix + "Subject"));
        message.put("messageStructure", form.get(prefix + "MessageStructure"));
        message.put("message", form.get(prefix + "Message"));
        ObjectNode attributes = message.putObject("messageAttributes");
        for (int n = 1; form.containsKey(prefix + "MessageAttributes.entry." + n + ".Name"); n++) {
            String entry = prefix + "MessageAttributes.entry." + n + ".";
            attributes.put(form.get(entry + "Name"), form.get(entry + "Value.StringValue"));
        }
        messages.add(message);
        try {
            Files.writeString(store, Json.write(message) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[sns] cannot write " + store + ": " + e.getMessage());
        }
        System.out.println("[sns] " + form.get(prefix + "Subject") + " " + attributes);
        return id;
    }

    private List<ObjectNode> reversed() {
        List<ObjectNode> list = new ArrayList<>(messages);
        java.util.Collections.reverse(list);
        return list;
    }

    private String page() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>SNS stand-in</title><style>"
                + "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
                + "td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
                + "pre{white-space:pre-wrap;margin:0}</style></head><body><h1>Published messages ("
                + messages.size() + ")</h1><p>Newest first; refreshes every 5 s. JSON: <a href=\"/messages\">"
                + "/messages</a>.</p><table><thead><tr><th>received</th><th>subject</th><th>attributes</th>"
                + "<th>message (email / default)</th><th>sms</th></tr></thead><tbody>");
        for (ObjectNode m : reversed()) {
            String text = m.path("message").asText();
            String sms = "";
            if ("json".equals(m.path("messageStructure").asText())) {
                try {
                    JsonNode structured = Json.read(text);
                    sms = structured.path("sms").asText("");
                    text = structured.has("email") ? structured.path("email").asText()
                            : structured.path("default").asText();
                } catch (IllegalArgumentException notJson) {
                    // Show it as sent.
                }
            }
            html.append("<tr><td>").append(xml(m.path("receivedAt").asText())).append("</td><td>")
                    .append(xml(m.path("subject").asText(""))).append("</td><td>")
                    .append(xml(m.path("messageAttributes").toString())).append("</td><td><pre>").append(xml(text))
                    .append("</pre></td><td>").append(xml(sms)).append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
