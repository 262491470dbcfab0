package com.stockwatch.testing.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the form-encoded body of an SNS Query API request ({@code Action=Publish&TopicArn=...}, entries as
 * {@code PublishBatchRequestEntries.member.N.*}, attributes as {@code MessageAttributes.entry.N.*}).
 */
public final class SnsQueryForm {

    private SnsQueryForm() {
    }

    /** Every {@code name=value} pair of the body, decoded, in order. */
    public static Map<String, String> parameters(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    /**
     * The messages of a Publish or PublishBatch call (without the stand-in's answer yet); empty for other actions.
     */
    public static List<PublishedMessage> messages(Map<String, String> parameters) {
        String action = parameters.getOrDefault("Action", "");
        String topicArn = parameters.get("TopicArn");
        List<PublishedMessage> messages = new ArrayList<>();
        if ("Publish".equals(action)) {
            messages.add(message(action, topicArn, Optional.empty(), parameters, ""));
        } else if ("PublishBatch".equals(action)) {
            for (int n = 1; parameters.containsKey("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
                String prefix = "PublishBatchRequestEntries.member." + n + ".";
                messages.add(message(action, topicArn, Optional.of(parameters.get(prefix + "Id")), parameters, prefix));
            }
        }
        return messages;
    }

    private static PublishedMessage message(String action, String topicArn, Optional<String> entryId,
            Map<String, String> parameters, String prefix) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int n = 1; parameters.containsKey(prefix + "MessageAttributes.entry." + n + ".Name"); n++) {
            String entry = prefix + "MessageAttributes.entry." + n + ".";
            attributes.put(parameters.get(entry + "Name"), new MessageAttribute(
                    parameters.get(entry + "Value.DataType"), parameters.get(entry + "Value.StringValue")));
        }
        return new PublishedMessage(action, topicArn, entryId,
                Optional.ofNullable(parameters.get(prefix + "Subject")),
                parameters.getOrDefault(prefix + "Message", ""),
                Optional.ofNullable(parameters.get(prefix + "MessageStructure")),
                attributes, Optional.empty(), Optional.empty());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
