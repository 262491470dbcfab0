package com.stockwatch.notifier.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.message.SnsMessage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Publishes messages to the topic with {@code MessageStructure=json}: several messages as PublishBatch calls of at
 * most 10 entries and 256 KiB, a message that travels alone as Publish. An HTTP 200 of PublishBatch can still carry
 * failed entries: every entry's outcome is read from {@code Successful} and {@code Failed}.
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

    /**
     * Splits {@code messages}, in their order, into the calls that will carry them: at most 10 entries and 256 KiB
     * each.
     */
    public static List<List<SnsMessage>> calls(List<SnsMessage> messages) {
        List<List<SnsMessage>> calls = new ArrayList<>();
        List<SnsMessage> current = new ArrayList<>();
        int bytes = 0;
        for (SnsMessage message : messages) {
            int size = message.sizeBytes();
            if (!current.isEmpty()
                    && (current.size() == MAX_BATCH_ENTRIES || bytes + size > DigestMessages.SNS_MAX_BYTES)) {
                calls.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(message);
            bytes += size;
        }
        if (!current.isEmpty()) {
            calls.add(current);
        }
        return calls;
    }

    /**
     * Sends one call's messages (as {@link #calls} split them) and returns each message's outcome, in order. When
     * the call itself fails (after the SDK's own retries of throttling and 5xx), every message failed.
     */
    public List<PublishResult> send(List<SnsMessage> call) {
        try {
            return call.size() == 1 ? List.of(publishOne(call.get(0))) : publishBatch(call);
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
            byId.put(failed.id(), PublishResult.failed(failed.code() + ": " + failed.message()
                    + (Boolean.TRUE.equals(failed.senderFault()) ? " (sender fault)" : "")));
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
