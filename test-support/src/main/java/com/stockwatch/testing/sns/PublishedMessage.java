package com.stockwatch.testing.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * One message a client asked SNS to publish (a Publish call or one entry of a PublishBatch call), parsed from the
 * form-encoded request, with what the stand-in answered for it.
 *
 * @param action           {@code Publish} or {@code PublishBatch}
 * @param topicArn         {@code TopicArn} of the call
 * @param batchEntryId     the entry's {@code Id} within a PublishBatch call; empty for Publish
 * @param subject          {@code Subject}, if sent
 * @param message          {@code Message} as sent (for {@code MessageStructure=json} a JSON object of texts)
 * @param messageStructure {@code MessageStructure}, if sent
 * @param attributes       message attributes by name, in the order sent
 * @param messageId        the message id the stand-in answered when it accepted the message
 * @param failureCode      the error code the stand-in answered when it refused it (injected failures)
 */
public record PublishedMessage(
        String action,
        String topicArn,
        Optional<String> batchEntryId,
        Optional<String> subject,
        String message,
        Optional<String> messageStructure,
        Map<String, MessageAttribute> attributes,
        Optional<String> messageId,
        Optional<String> failureCode) {

    public PublishedMessage {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Whether the stand-in accepted this message (SNS would have delivered it). */
    public boolean accepted() {
        return messageId.isPresent();
    }

    /**
     * The texts per protocol of a {@code MessageStructure=json} message ({@code default}, {@code email},
     * {@code sms}, ...); for a plain message, just {@code default}.
     */
    public Map<String, String> texts() {
        if (!"json".equals(messageStructure.orElse(null))) {
            return Map.of("default", message);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        JsonNode.parser().parse(message).asObject().forEach((key, value) -> texts.put(key,
                value.isString() ? value.asString() : value.toString()));
        return texts;
    }

    /** The text the given protocol receives ({@code email}, {@code sms}, ...), falling back to {@code default}. */
    public String text(String protocol) {
        Map<String, String> texts = texts();
        return texts.getOrDefault(protocol, texts.get("default"));
    }

    /** The string value of attribute {@code name}, if sent. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name)).map(MessageAttribute::stringValue);
    }
}
