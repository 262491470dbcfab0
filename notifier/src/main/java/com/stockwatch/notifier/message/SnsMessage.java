package com.stockwatch.notifier.message;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One SNS message with a text per protocol ({@code MessageStructure=json}) and the attributes subscriptions filter
 * on.
 *
 * @param subject    email subject, at most {@link AlertMessages#SUBJECT_MAX_CHARS} characters, one line
 * @param email      email body
 * @param sms        SMS text, at most {@link AlertMessages#SMS_MAX_CHARS} characters
 * @param attributes message attributes by name
 */
public record SnsMessage(String subject, String email, String sms, Map<String, Attribute> attributes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A message attribute.
     *
     * @param dataType {@code String}, {@code String.Array} or {@code Number}
     * @param value    the value; for {@code String.Array} a JSON array
     */
    public record Attribute(String dataType, String value) {
        public static Attribute string(String value) {
            return new Attribute("String", value);
        }
    }

    public SnsMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(sms, "sms");
        subject = Texts.oneLine(subject); // the last guard: no control, format or separator character goes out
        sms = Texts.oneLine(sms);
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes)); // keeps the order sent
    }

    /**
     * The {@code Message} parameter for {@code MessageStructure=json}: {@code default} (every protocol without its own
     * key, e.g. SQS or HTTP subscribers: the email text), {@code email} and {@code sms}.
     */
    public String structuredJson() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("default", email);
        texts.put("email", email);
        texts.put("sms", sms);
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }

    /**
     * Size SNS counts against its 256 KiB limit: the message, the subject and the attributes' names, types and values
     * in UTF-8 bytes.
     */
    public int sizeBytes() {
        int size = utf8(structuredJson()) + utf8(subject);
        for (Map.Entry<String, Attribute> attribute : attributes.entrySet()) {
            size += utf8(attribute.getKey()) + utf8(attribute.getValue().dataType())
                    + utf8(attribute.getValue().value());
        }
        return size;
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
