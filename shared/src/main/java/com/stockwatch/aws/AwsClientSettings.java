package com.stockwatch.aws;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Applies {@link AwsSettings} to any AWS SDK v2 client builder, so each function's client producers stay one line
 * per client and all of them connect alike.
 */
@ApplicationScoped
public class AwsClientSettings {

    private final AwsSettings settings;

    public AwsClientSettings(AwsSettings settings) {
        this.settings = settings;
    }

    /** Sets region, credentials and, when configured, the endpoint override. */
    public <B extends AwsClientBuilder<B, C>, C> B apply(B builder, Optional<URI> endpoint) {
        builder.region(Region.of(settings.region())).credentialsProvider(credentials());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * A synchronous client on the URL-connection HTTP client (small, quick to start, native-friendly), configured as
     * {@link #apply} does.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C syncClient(B builder,
            Optional<URI> endpoint) {
        return apply(builder, endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public AwsSettings settings() {
        return settings;
    }

    public AwsCredentialsProvider credentials() {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
