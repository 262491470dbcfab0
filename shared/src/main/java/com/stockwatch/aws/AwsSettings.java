package com.stockwatch.aws;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the AWS clients connect. On Lambda only the region matters (it comes from {@code AWS_REGION}) and
 * credentials come from the function's role; locally and in tests the endpoints point at the emulators.
 * <p>
 * The clients themselves come from the Quarkus Amazon extensions, configured with {@code quarkus.dynamodb.*},
 * {@code quarkus.s3.*} and {@code quarkus.sns.*}: each function's application.properties maps these keys onto
 * theirs ({@code quarkus.dynamodb.endpoint-override=${inventory.aws.dynamodb-endpoint:}}, ...), so the
 * {@code INVENTORY_AWS_*} environment variables of the local stack and the tests keep working, and this mapping
 * validates them at start-up. Credentials: {@link AwsCredentials}.
 */
@ConfigMapping(prefix = "inventory.aws")
public interface AwsSettings {

    /** Region of every client. */
    @WithDefault("${AWS_REGION:us-east-1}")
    String region();

    /** DynamoDB endpoint, for DynamoDB Local; empty means AWS. */
    Optional<URI> dynamodbEndpoint();

    /** S3 endpoint, for a local S3-compatible server; empty means AWS. */
    Optional<URI> s3Endpoint();

    /** SNS endpoint, for the local stand-in; empty means AWS. */
    Optional<URI> snsEndpoint();

    /** Path-style S3 URLs ({@code http://host/bucket/key}), which local S3 servers need. */
    @WithDefault("false")
    boolean s3PathStyle();

    /**
     * Static access key id, for emulators only; empty means the default chain (on Lambda: the role's
     * credentials from the environment).
     */
    Optional<String> accessKeyId();

    /** Static secret key, for emulators only; used together with {@link #accessKeyId()}. */
    Optional<String> secretAccessKey();
}
