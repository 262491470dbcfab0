package com.stockwatch.testing.sns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The SNS stand-in for a {@code @QuarkusTest}: sets {@code inventory.aws.sns-endpoint} to it and the topic ARN
 * property (default {@code inventory.notifier.topic-arn}) to its topic, and injects it into test fields annotated
 * {@link InjectSnsStandIn}. Init args: {@code topic-arn} (default {@link SnsStandIn#DEFAULT_TOPIC_ARN}) and
 * {@code topic-arn-property}.
 */
public class SnsStandInResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a test field of type {@link SnsStandIn} to receive the running stand-in. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InjectSnsStandIn {
    }

    private String topicArn = SnsStandIn.DEFAULT_TOPIC_ARN;
    private String topicArnProperty = "inventory.notifier.topic-arn";
    private SnsStandIn standIn;

    @Override
    public void init(Map<String, String> initArgs) {
        topicArn = initArgs.getOrDefault("topic-arn", topicArn);
        topicArnProperty = initArgs.getOrDefault("topic-arn-property", topicArnProperty);
    }

    @Override
    public Map<String, String> start() {
        standIn = SnsStandIn.start(topicArn);
        return Map.of(
                "inventory.aws.sns-endpoint", standIn.endpoint().toString(),
                topicArnProperty, standIn.topicArn(),
                "inventory.aws.region", "us-east-1",
                "inventory.aws.access-key-id", "test",
                "inventory.aws.secret-access-key", "test");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(standIn,
                new TestInjector.AnnotatedAndMatchesType(InjectSnsStandIn.class, SnsStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
