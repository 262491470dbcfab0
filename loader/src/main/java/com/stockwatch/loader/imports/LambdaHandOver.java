package com.stockwatch.loader.imports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.loader.LoaderConfig;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Continuations as asynchronous invocations of the loader's own function ({@code InvocationType=Event}), with the
 * S3 event of the one object to go on with; its event name {@value #EVENT_NAME} tells logs apart from S3's own. Lambda
 * queues the event, retries a failed invocation twice and then sends it to the function's on-failure destination, as
 * for S3's events.
 */
@ApplicationScoped
public class LambdaHandOver implements HandOver {

    /** Passes the handler's {@code ObjectCreated} filter; says where the event comes from. */
    public static final String EVENT_NAME = "ObjectCreated:StockwatchContinuation";

    private final LambdaClient lambda;
    private final LoaderConfig config;

    public LambdaHandOver(LambdaClient lambda, LoaderConfig config) {
        this.lambda = lambda;
        this.config = config;
    }

    @Override
    public void handOver(S3ObjectRef object) {
        String function = config.continuationFunction().orElseGet(() -> System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        if (function == null || function.isBlank()) {
            throw new IllegalStateException("no function to continue the import in (AWS_LAMBDA_FUNCTION_NAME unset)");
        }
        lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(event(object))));
    }

    /** The S3 event of one object, as S3 would send it (the fields the handler reads). */
    static String event(S3ObjectRef object) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode record = json.objectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("eventTime", Timestamps.format(object.eventTime()));
        record.put("eventName", EVENT_NAME);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.putObject("bucket").put("name", object.bucket()).put("arn", "arn:aws:s3:::" + object.bucket());
        ObjectNode target = s3.putObject("object");
        target.put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8));
        object.versionId().ifPresent(version -> target.put("versionId", version));
        ObjectNode event = json.objectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }
}
