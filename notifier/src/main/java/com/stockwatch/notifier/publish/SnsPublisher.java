package com.stockwatch.notifier.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.message.SnsMessage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Publishes messages to the topic with {@code MessageStructure=json}: several messages as PublishBatch calls of at
 * most 10 entries and 256 KiB, a message that travels alone as Publish. An HTTP 200 of PublishBatch can still carry
 * failed entries: every entry's outcome is read from {@code Successful} and {@code Failed}.
 * <p>
 * Failures by class: a sender fault about the message itself (e.g. {@code InvalidParameter}) is permanent
 * ({@link PublishResult#rejected}); throttling, 5xx, and sender faults about the topic or the account (permissions,
 * KMS, a missing topic: fixing them makes the same message go through) are worth retrying.
 */
public class SnsPublisher {

    /** SNS's limit of entries per PublishBatch call. */
    public static final int MAX_BATCH_ENTRIES = 10;

    private final SnsClient sns;
    private final String topicArn;

    public SnsPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Sender-fault codes that are about the topic or the account, not the message: retried, never FAILED. */
    private static final Set<String> RETRIED_SENDER_FAULTS = Set.of("AuthorizationError", "NotFound",
            "InvalidSecurity", "KMSAccessDenied", "KMSDisabled", "KMSInvalidState", "KMSNotFound", "KMSOptInRequired",
            "KMSThrottling", "Throttling", "Throttled", "ThrottlingException");

    /** Whether a failure with this code and fault side is permanent (the message itself is at fault). */
    static boolean permanent(String code, boolean senderFault) {
        return senderFault && code != null && !RETRIED_SENDER_FAULTS.contains(code);
    }

    /**
     * Splits {@code messages}, in their order, into the calls that will carry them: at most 10 entries and 256 KiB
     * each, and one item at most once per call, so that OUT_OF_STOCK then BACK_IN_STOCK of one item keep their order
     * even when one entry of a call fails.
     */
    public static List<List<SnsMessage>> calls(List<SnsMessage> messages) {
        List<List<SnsMessage>> calls = new ArrayList<>();
        List<SnsMessage> current = new ArrayList<>();
        Set<String> items = new HashSet<>();
        int bytes = 0;
        for (SnsMessage message : messages) {
            int size = message.sizeBytes();
            Optional<String> item = itemOf(message);
            if (!current.isEmpty() && (current.size() == MAX_BATCH_ENTRIES
                    || bytes + size > DigestMessages.SNS_MAX_BYTES || item.map(items::contains).orElse(false))) {
                calls.add(current);
                current = new ArrayList<>();
                items.clear();
                bytes = 0;
            }
            current.add(message);
            item.ifPresent(items::add);
            bytes += size;
        }
        if (!current.isEmpty()) {
            calls.add(current);
        }
        return calls;
    }

    /** Store and item a single alert is about (from its attributes); empty for digests and notices. */
    private static Optional<String> itemOf(SnsMessage message) {
        SnsMessage.Attribute item = message.attributes().get(AlertMessages.ATTRIBUTE_ITEM_ID);
        SnsMessage.Attribute store = message.attributes().get(AlertMessages.ATTRIBUTE_STORE_ID);
        return item == null ? Optional.empty()
                : Optional.of((store == null ? "" : store.value()) + "\u0000" + item.value());
    }

    /**
     * Sends one call's messages (as {@link #calls} split them) and returns each message's outcome, in order. When
     * the call itself fails (after the SDK's own retries of throttling and 5xx), every message failed.
     */
    public List<PublishResult> send(List<SnsMessage> call) {
        try {
            return call.size() == 1 ? List.of(publishOne(call.get(0))) : publishBatch(call);
        } catch (SnsException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String error = code + ": " + e.getMessage();
            boolean senderFault = e.statusCode() >= 400 && e.statusCode() < 500 && e.statusCode() != 429;
            // A whole PublishBatch call refused by a sender fault is about the call (or the topic), not one entry.
            boolean permanent = call.size() == 1 && permanent(code, senderFault);
            return call.stream().map(message -> permanent ? PublishResult.rejected(error)
                    : PublishResult.failed(error)).toList();
        } catch (SdkException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            return call.stream().map(message -> PublishResult.failed(error)).toList();
        }
    }

    private PublishResult publishOne(SnsMessage message) {
        String messageId = sns.publish(b -> b.topicArn(topicArn)
                .messageStructure("json")
                .subject(message.subject())
                .message(message.structuredJson())
                .messageAttributes(attributes(message))).messageId();
        return PublishResult.accepted(messageId);
    }

    private List<PublishResult> publishBatch(List<SnsMessage> call) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>(call.size());
        for (int i = 0; i < call.size(); i++) {
            SnsMessage message = call.get(i);
            entries.add(PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageStructure("json")
                    .subject(message.subject())
                    .message(message.structuredJson())
                    .messageAttributes(attributes(message))
                    .build());
        }
        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
        Map<String, PublishResult> byId = new HashMap<>();
        for (PublishBatchResultEntry ok : response.successful()) {
            byId.put(ok.id(), PublishResult.accepted(ok.messageId()));
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            boolean senderFault = Boolean.TRUE.equals(failed.senderFault());
            String error = failed.code() + ": " + failed.message() + (senderFault ? " (sender fault)" : "");
            byId.put(failed.id(), permanent(failed.code(), senderFault) ? PublishResult.rejected(error)
                    : PublishResult.failed(error));
        }
        List<PublishResult> results = new ArrayList<>(call.size());
        for (int i = 0; i < call.size(); i++) {
            results.add(byId.getOrDefault(Integer.toString(i),
                    PublishResult.failed("SNS named entry " + i + " neither successful nor failed")));
        }
        return results;
    }

    private static Map<String, MessageAttributeValue> attributes(SnsMessage message) {
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        message.attributes().forEach((name, attribute) -> attributes.put(name, MessageAttributeValue.builder()
                .dataType(attribute.dataType()).stringValue(attribute.value()).build()));
        return attributes;
    }
}
