package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** The events the local stack builds have the shapes AWS sends. */
class EventShapesTest {

    @Test
    void s3KeyIsFormEncodedWithPlusForSpacesAndSlashesKept() {
        JsonNode event = Json.read(S3Events.objectCreated("us-east-1", "inventory-local", "berlin/my stock+1 ä.csv",
                42, "\"abc\"", Instant.parse("2026-11-25T08:00:00.123456Z"), 255));
        JsonNode record = event.path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("eventTime").asText()).isEqualTo("2026-11-25T08:00:00.123Z");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("berlin/my+stock%2B1+%C3%A4.csv");
        assertThat(record.at("/s3/object/eTag").asText()).isEqualTo("abc");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(42);
        assertThat(record.at("/s3/object/sequencer").asText()).isEqualTo("0000000000000000FF");
        assertThat(record.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::inventory-local");
    }

    @Test
    void streamRecordsCarryImagesInDynamoDbJsonAndPartialFailuresAreRead() {
        Record record = Record.builder().eventID("e1").eventName(OperationType.MODIFY).eventVersion("1.1")
                .dynamodb(StreamRecord.builder().approximateCreationDateTime(Instant.ofEpochSecond(1_700_000_000))
                        .keys(Map.of("store_id", AttributeValue.fromS("berlin")))
                        .newImage(Map.of("inventory_level", AttributeValue.fromN("0")))
                        .oldImage(Map.of("inventory_level", AttributeValue.fromN("3")))
                        .sequenceNumber("100").sizeBytes(12L).streamViewType("NEW_AND_OLD_IMAGES").build())
                .build();
        JsonNode event = Json.read(StreamEvents.event(List.of(record), "us-east-1", "arn:stream"));
        JsonNode node = event.path("Records").get(0);
        assertThat(node.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(node.at("/dynamodb/NewImage/inventory_level/N").asText()).isEqualTo("0");
        assertThat(node.at("/dynamodb/OldImage/inventory_level/N").asText()).isEqualTo("3");
        assertThat(node.at("/dynamodb/ApproximateCreationDateTime").asLong()).isEqualTo(1_700_000_000L);
        assertThat(node.path("eventSourceARN").asText()).isEqualTo("arn:stream");

        assertThat(StreamEvents.failures("{\"batchItemFailures\":[]}", List.of(record))).isEmpty();
        assertThat(StreamEvents.failures("null", List.of(record))).isEmpty();
        assertThat(StreamEvents.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}", List.of(record)))
                .containsExactly("100");
        assertThat(StreamEvents.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", List.of(record)))
                .isNull();
    }

    @Test
    void httpRequestBecomesAPayloadV2EventWithCookiesAndLowerCaseHeaders() {
        HttpApiEvents.Request request = new HttpApiEvents.Request("POST", "/api/stores/berlin/uploads",
                "a=1&a=2&q=milk+1", Map.of("Cookie", List.of("q_session=abc; other=x"), "Content-Type",
                        List.of("application/octet-stream"), "X-Custom", List.of("v")),
                new byte[] { 0, 1, 2 }, "127.0.0.1", 8080);
        JsonNode event = Json.read(HttpApiEvents.event(request, Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("a=1&a=2&q=milk+1");
        assertThat(event.at("/queryStringParameters/a").asText()).isEqualTo("1,2");
        assertThat(event.at("/queryStringParameters/q").asText()).isEqualTo("milk 1");
        assertThat(event.path("cookies")).hasSize(2);
        assertThat(event.at("/headers/x-custom").asText()).isEqualTo("v");
        assertThat(event.at("/headers/cookie").isMissingNode()).isTrue();
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo("AAEC");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(event.at("/requestContext/http/sourceIp").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void responseCookiesBecomeSeveralSetCookieHeadersAndBase64BodiesAreDecoded() {
        HttpApiEvents.Response response = HttpApiEvents.response("{\"statusCode\":302,\"headers\":{\"Location\":\"/x\"},"
                + "\"multiValueHeaders\":{\"Vary\":[\"a\",\"b\"]},\"cookies\":[\"a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT\","
                + "\"b=2\"],\"body\":\"aGk=\",\"isBase64Encoded\":true}");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().get("set-cookie")).containsExactly(
                "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2");
        assertThat(response.headers().get("vary")).containsExactly("a", "b");
        assertThat(response.headers().get("location")).containsExactly("/x");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
    }
}
