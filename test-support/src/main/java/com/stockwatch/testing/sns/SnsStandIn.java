package com.stockwatch.testing.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * An HTTP-level stand-in for Amazon SNS: an in-process WireMock server on {@code 127.0.0.1} (random port) that
 * answers the SNS Query API the real SDK {@code SnsClient} speaks: {@code Action=Publish} and
 * {@code Action=PublishBatch} (per-entry {@code Successful} and {@code Failed}), with XML as SNS answers it. Every
 * call is kept in a journal, parsed ({@link #calls()}, {@link #publishedMessages()}), and failures can be injected:
 * HTTP errors for whole calls ({@link #failCalls}) and {@code Failed} entries for chosen messages
 * ({@link #failMessages}).
 * <p>
 * Point a client at it with {@code endpointOverride(standIn.endpoint())}, any region and any static credentials.
 */
public final class SnsStandIn implements AutoCloseable {

    /** Topic ARN the stand-in hands out by default (the Terraform topic's name, in the emulators' account). */
    public static final String DEFAULT_TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:NoStock";
    /** Keep failing for as long as the test runs. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final String topicArn;
    private final WireMockServer server;
    private final List<SnsCall> calls = new ArrayList<>();
    private final List<CallFailure> callFailures = new ArrayList<>();
    private final List<MessageFailure> messageFailures = new ArrayList<>();

    private static final class CallFailure {
        final int status;
        final String code;
        int remaining;

        CallFailure(int status, String code, int remaining) {
            this.status = status;
            this.code = code;
            this.remaining = remaining;
        }
    }

    private static final class MessageFailure {
        final Predicate<PublishedMessage> which;
        final String code;
        final boolean senderFault;
        int remaining;

        MessageFailure(Predicate<PublishedMessage> which, String code, boolean senderFault, int remaining) {
            this.which = which;
            this.code = code;
            this.senderFault = senderFault;
            this.remaining = remaining;
        }
    }

    private SnsStandIn(String topicArn) {
        this.topicArn = topicArn;
        this.server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(16)
                .disableRequestJournal() // the stand-in keeps its own, parsed journal
                .extensions(new Responder()));
    }

    /** Starts a stand-in that hands out {@link #DEFAULT_TOPIC_ARN}. */
    public static SnsStandIn start() {
        return start(DEFAULT_TOPIC_ARN);
    }

    /** Starts a stand-in; it accepts messages for any topic, {@code topicArn} is only handed out by {@link #topicArn()}. */
    public static SnsStandIn start(String topicArn) {
        SnsStandIn standIn = new SnsStandIn(topicArn);
        standIn.server.start();
        standIn.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        return standIn;
    }

    /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public String topicArn() {
        return topicArn;
    }

    /** Every call so far, in order, including failed ones. */
    public synchronized List<SnsCall> calls() {
        return List.copyOf(calls);
    }

    /** Every message the stand-in accepted (SNS would have delivered these), in order. */
    public synchronized List<PublishedMessage> publishedMessages() {
        return calls.stream().flatMap(call -> call.messages().stream()).filter(PublishedMessage::accepted).toList();
    }

    /** Every message that was sent, accepted or not, in order. */
    public synchronized List<PublishedMessage> attemptedMessages() {
        return calls.stream().flatMap(call -> call.messages().stream()).toList();
    }

    /**
     * The next {@code times} calls (of any action) are answered with HTTP {@code status} and an SNS error body with
     * {@code code} (e.g. 500 {@code InternalError}, 400 {@code Throttling}). Note the SDK retries 5xx and throttling
     * by itself, so one failing SDK call takes several stand-in calls.
     */
    public synchronized SnsStandIn failCalls(int times, int status, String code) {
        callFailures.add(new CallFailure(status, code, times));
        return this;
    }

    /**
     * The next {@code times} messages matching {@code which} are refused: as a {@code Failed} entry with
     * {@code code} in a PublishBatch answer (HTTP 200), or, for Publish, as an HTTP 400 error with {@code code}.
     */
    public synchronized SnsStandIn failMessages(Predicate<PublishedMessage> which, int times, String code,
            boolean senderFault) {
        messageFailures.add(new MessageFailure(which, code, senderFault, times));
        return this;
    }

    /** Throttles the next message matching {@code which} once ({@code Failed} entry {@code Throttled}). */
    public SnsStandIn throttleOnce(Predicate<PublishedMessage> which) {
        return failMessages(which, 1, "Throttled", false);
    }

    /** Matches messages whose attribute {@code name} has value {@code value}. */
    public static Predicate<PublishedMessage> withAttribute(String name, String value) {
        return message -> message.attribute(name).filter(value::equals).isPresent();
    }

    /** Forgets the journal and every injected failure. */
    public synchronized void reset() {
        calls.clear();
        callFailures.clear();
        messageFailures.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    private synchronized ResponseDefinition answer(String body) {
        Map<String, String> parameters = SnsQueryForm.parameters(body);
        String action = parameters.getOrDefault("Action", "");
        List<PublishedMessage> messages = SnsQueryForm.messages(parameters);

        Optional<CallFailure> callFailure = callFailures.stream().filter(f -> f.remaining > 0).findFirst();
        if (callFailure.isPresent()) {
            CallFailure failure = callFailure.get();
            failure.remaining--;
            calls.add(new SnsCall(action, failure.status, parameters,
                    messages.stream().map(m -> refused(m, failure.code)).toList()));
            return error(failure.status, failure.code, failure.status >= 500 ? "Receiver" : "Sender",
                    "Injected failure");
        }
        if (!action.equals("Publish") && !action.equals("PublishBatch")) {
            calls.add(new SnsCall(action, 400, parameters, List.of()));
            return error(400, "InvalidAction", "Sender", "The SNS stand-in answers Publish and PublishBatch only");
        }
        if (!parameters.containsKey("TopicArn")) {
            calls.add(new SnsCall(action, 400, parameters, List.of()));
            return error(400, "InvalidParameter", "Sender", "Invalid parameter: TopicArn");
        }

        List<PublishedMessage> answered = new ArrayList<>();
        List<Boolean> senderFaults = new ArrayList<>();
        for (PublishedMessage message : messages) {
            Optional<MessageFailure> failure = messageFailures.stream()
                    .filter(f -> f.remaining > 0 && f.which.test(message)).findFirst();
            failure.ifPresent(f -> f.remaining--);
            answered.add(failure.map(f -> refused(message, f.code))
                    .orElseGet(() -> accepted(message)));
            senderFaults.add(failure.map(f -> f.senderFault).orElse(false));
        }

        if (action.equals("Publish")) {
            PublishedMessage message = answered.get(0);
            if (!message.accepted()) {
                calls.add(new SnsCall(action, 400, parameters, answered));
                return error(400, message.failureCode().orElseThrow(), "Sender", "Injected failure");
            }
            calls.add(new SnsCall(action, 200, parameters, answered));
            return xml(200, "<PublishResponse xmlns=\"" + NS + "\"><PublishResult><MessageId>"
                    + message.messageId().orElseThrow() + "</MessageId></PublishResult>" + metadata()
                    + "</PublishResponse>");
        }

        calls.add(new SnsCall(action, 200, parameters, answered));
        StringBuilder successful = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        for (int i = 0; i < answered.size(); i++) {
            PublishedMessage message = answered.get(i);
            String id = escape(message.batchEntryId().orElse(""));
            if (message.accepted()) {
                successful.append("<member><Id>").append(id).append("</Id><MessageId>")
                        .append(message.messageId().orElseThrow()).append("</MessageId></member>");
            } else {
                boolean senderFault = senderFaults.get(i);
                failed.append("<member><Id>").append(id).append("</Id><Code>")
                        .append(escape(message.failureCode().orElseThrow()))
                        .append("</Code><Message>Injected failure</Message><SenderFault>").append(senderFault)
                        .append("</SenderFault></member>");
            }
        }
        return xml(200, "<PublishBatchResponse xmlns=\"" + NS + "\"><PublishBatchResult><Successful>" + successful
                + "</Successful><Failed>" + failed + "</Failed></PublishBatchResult>" + metadata()
                + "</PublishBatchResponse>");
    }

    private static PublishedMessage accepted(PublishedMessage message) {
        return new PublishedMessage(message.action(), message.topicArn(), message.batchEntryId(), message.subject(),
                message.message(), message.messageStructure(), message.attributes(),
                Optional.of(UUID.randomUUID().toString()), Optional.empty());
    }

    private static PublishedMessage refused(PublishedMessage message, String code) {
        return new PublishedMessage(message.action(), message.topicArn(), message.batchEntryId(), message.subject(),
                message.message(), message.messageStructure(), message.attributes(), Optional.empty(),
                Optional.of(code));
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static ResponseDefinition error(int status, String code, String type, String message) {
        return xml(status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>"
                + escape(code) + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    private static ResponseDefinition xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Answers every request from the stand-in's state. */
    private final class Responder implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest().getBodyAsString());
        }

        @Override
        public String getName() {
            return "sns-stand-in";
        }
    }
}
