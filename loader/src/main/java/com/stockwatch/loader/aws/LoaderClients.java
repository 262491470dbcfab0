package com.stockwatch.loader.aws;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.stockwatch.aws.AwsCredentials;
import com.stockwatch.aws.AwsSettings;
import com.stockwatch.loader.LoaderConfig;

import io.netty.channel.EventLoopGroup;
import io.quarkus.netty.MainEventLoopGroup;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What the Quarkus Amazon extensions leave to the loader. The S3 client (sync, URL connection) and the DynamoDB
 * client's builder come from the extensions; this class adds the loader's retry strategy and guarded Netty client to
 * the DynamoDB client and builds the Lambda client for continuations, which has no extension here (see README
 * "Versions").
 */
@ApplicationScoped
public class LoaderClients {

    private static final String DYNAMODB_HTTP = "loader-dynamodb-http";

    /**
     * The extension's builder (endpoint, region, credentials, completion executor from configuration) with the
     * loader's retries and its own HTTP client ({@link #dynamoHttp}). (The extension's Netty client cannot be wrapped:
     * its builder is not reachable from here.)
     */
    @Produces
    @ApplicationScoped
    DynamoDbAsyncClient dynamo(DynamoDbAsyncClientBuilder builder, LoaderConfig config,
            @Named(DYNAMODB_HTTP) SdkAsyncHttpClient http) {
        return builder.httpClientBuilder(null).httpClient(http)
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .retryStrategy(retriesWithoutThrottling(config.sdkMaxAttempts())).build())
                .build();
    }

    /**
     * Netty, pooled for {@code parallelism} writes plus the import record's, on Quarkus's event loop (as the
     * extension's client would be), behind the {@link CompletedExchangeGuard} that keeps refused conditional writes
     * from closing connections. A bean of its own because the SDK never closes an HTTP client it was handed.
     */
    @Produces
    @Singleton
    @Named(DYNAMODB_HTTP)
    SdkAsyncHttpClient dynamoHttp(LoaderConfig config, @MainEventLoopGroup EventLoopGroup eventLoop) {
        return new CompletedExchangeGuard(NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(eventLoop))
                .maxConcurrency(config.parallelism() + 4)
                .maxPendingConnectionAcquires(10_000)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .build());
    }

    /** For continuations: asynchronous invocations of the loader itself. */
    @Produces
    @ApplicationScoped
    LambdaClient lambda(AwsSettings aws, LoaderConfig config) {
        var builder = LambdaClient.builder().region(Region.of(aws.region()))
                .credentialsProvider(AwsCredentials.of(aws)).httpClientBuilder(UrlConnectionHttpClient.builder());
        config.continuationEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The SDK's standard retries (backoff with jitter) for 5xx and connection errors, but not for throttling: a
     * throttled write goes back to the {@code ItemWriter}, which lowers its concurrency before retrying, instead of
     * each of the writes in flight retrying at the same overloaded partition.
     */
    public static RetryStrategy retriesWithoutThrottling(int maxAttempts) {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .circuitBreakerEnabled(false)
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(2)))
                .retryOnException(LoaderClients::retryableButNotThrottling)
                .build();
    }

    static boolean retryableButNotThrottling(Throwable error) {
        if (error instanceof SdkServiceException service) {
            return !service.isThrottlingException() && (service.statusCode() >= 500 || service.isRetryableException());
        }
        return error instanceof SdkClientException;
    }

    void close(@Disposes LambdaClient client) {
        client.close();
    }

    void close(@Disposes DynamoDbAsyncClient client) {
        client.close();
    }

    void close(@Disposes @Named(DYNAMODB_HTTP) SdkAsyncHttpClient http) {
        http.close();
    }
}
