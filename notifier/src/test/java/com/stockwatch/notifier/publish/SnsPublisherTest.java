package com.stockwatch.notifier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stockwatch.notifier.message.SnsMessage;
import com.stockwatch.testing.sns.MessageAttribute;
import com.stockwatch.testing.sns.PublishedMessage;
import com.stockwatch.testing.sns.SnsStandIn;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The publisher with the real SDK client against the SNS stand-in (also the stand-in's own test). */
class SnsPublisherTest {

    private static SnsStandIn standIn;
    private static SnsClient sns;
    private static SnsPublisher publisher;

    @BeforeAll
    static void start() {
        standIn = SnsStandIn.start();
        sns = SnsClient.builder().endpointOverride(standIn.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        publisher = new SnsPublisher(sns, standIn.topicArn());
    }

    @AfterAll
    static void stop() {
        sns.close();
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    static SnsMessage message(String item) {
        return new SnsMessage("Out of stock: " + item, "Email about " + item + " – ü 🍮 & <b>", "SMS " + item,
                Map.of("store_id", SnsMessage.Attribute.string("12"), "item_id", SnsMessage.Attribute.string(item),
                        "alert_type", SnsMessage.Attribute.string("OUT_OF_STOCK")));
    }

    static List<SnsMessage> messages(int count) {
        List<SnsMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message("SKU-" + i));
        }
        return messages;
    }

    @Test
    void aSingleMessageGoesOutAsPublishWithJsonStructureAndAttributes() {
        List<PublishResult> results = publisher.send(List.of(message("SKU-1")));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.isAccepted()).isTrue());
        assertThat(standIn.calls()).singleElement().satisfies(call -> {
            assertThat(call.action()).isEqualTo("Publish");
            assertThat(call.parameters()).containsEntry("TopicArn", SnsStandIn.DEFAULT_TOPIC_ARN)
                    .containsEntry("MessageStructure", "json");
        });
        PublishedMessage sent = standIn.publishedMessages().get(0);
        assertThat(sent.messageId()).isEqualTo(results.get(0).messageId());
        assertThat(sent.subject()).contains("Out of stock: SKU-1");
        assertThat(sent.texts()).containsExactly(Map.entry("default", "Email about SKU-1 – ü 🍮 & <b>"),
                Map.entry("email", "Email about SKU-1 – ü 🍮 & <b>"), Map.entry("sms", "SMS SKU-1"));
        assertThat(sent.attributes()).containsEntry("store_id", new MessageAttribute("String", "12"))
                .containsEntry("item_id", new MessageAttribute("String", "SKU-1"))
                .containsEntry("alert_type", new MessageAttribute("String", "OUT_OF_STOCK"));
    }

    @Test
    void severalMessagesGoOutAsPublishBatchOfAtMostTen() {
        List<PublishResult> results = new ArrayList<>();
        SnsPublisher.calls(messages(12)).forEach(call -> results.addAll(publisher.send(call)));

        assertThat(results).allMatch(PublishResult::isAccepted).hasSize(12);
        assertThat(standIn.calls()).extracting(call -> call.action() + ":" + call.messages().size())
                .containsExactly("PublishBatch:10", "PublishBatch:2");
        assertThat(standIn.publishedMessages()).extracting(m -> m.attribute("item_id").orElseThrow())
                .containsExactly("SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "SKU-6", "SKU-7", "SKU-8",
                        "SKU-9", "SKU-10", "SKU-11");
        assertThat(standIn.publishedMessages()).allSatisfy(m -> {
            assertThat(m.messageStructure()).contains("json");
            assertThat(m.text("sms")).startsWith("SMS SKU-");
        });
    }

    @Test
    void aFailedEntryOfAnHttp200BatchIsReportedAsFailed() {
        standIn.throttleOnce(SnsStandIn.withAttribute("item_id", "SKU-3"));

        List<PublishResult> results = publisher.send(messages(5));

        assertThat(results).extracting(PublishResult::isAccepted).containsExactly(true, true, true, false, true);
        assertThat(results.get(3).error()).hasValueSatisfying(e -> assertThat(e).startsWith("Throttled"));
        assertThat(standIn.publishedMessages()).hasSize(4);
    }

    @Test
    void http500AfterTheSdksRetriesFailsEveryMessageOfTheCall() {
        standIn.failCalls(SnsStandIn.ALWAYS, 500, "InternalError");

        List<PublishResult> results = publisher.send(messages(3));

        assertThat(results).noneMatch(PublishResult::isAccepted);
        assertThat(standIn.calls()).hasSizeGreaterThan(1).allMatch(call -> call.httpStatus() == 500);
        assertThat(standIn.publishedMessages()).isEmpty();
    }

    @Test
    void oneHttp500IsRetriedByTheSdk() {
        standIn.failCalls(1, 500, "InternalError");

        assertThat(publisher.send(List.of(message("SKU-1")))).allMatch(PublishResult::isAccepted);
        assertThat(standIn.calls()).extracting(call -> call.httpStatus()).containsExactly(500, 200);
    }
}
