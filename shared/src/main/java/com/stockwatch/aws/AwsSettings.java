package com.stockwatch.aws;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the AWS clients connect. On Lambda only the region matters (it comes from {@code AWS_REGION}) and
 * credentials come from the function's role; locally and in tests the endpoints point at the emulators.
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
