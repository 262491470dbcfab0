package com.stockwatch.loader.aws;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.stockwatch.aws.AwsClientSettings;
import com.stockwatch.loader.LoaderConfig;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The loader's AWS clients: S3 on the synchronous URL-connection client (the object is read as one stream), DynamoDB
 * on the asynchronous Netty client (many conditional writes in flight).
 */
@ApplicationScoped
public class LoaderClients {

    @Produces
    @ApplicationScoped
    S3Client s3(AwsClientSettings aws) {
        return aws.apply(S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
                        .forcePathStyle(aws.settings().s3PathStyle()),
                aws.settings().s3Endpoint()).build();
    }

    @Produces
    @ApplicationScoped
    DynamoDbAsyncClient dynamo(AwsClientSettings aws, LoaderConfig config) {
        return aws.apply(DynamoDbAsyncClient.builder()
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                                .maxConcurrency(config.parallelism() + 4)
                                .maxPendingConnectionAcquires(10_000)
                                .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                        .overrideConfiguration(o -> o.retryStrategy(retriesWithoutThrottling(config.sdkMaxAttempts()))),
                aws.settings().dynamodbEndpoint()).build();
    }

    /** For continuations: asynchronous invocations of the loader itself. */
    @Produces
    @ApplicationScoped
    LambdaClient lambda(AwsClientSettings aws, LoaderConfig config) {
        return aws.syncClient(LambdaClient.builder(), config.continuationEndpoint());
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

    void close(@Disposes S3Client client) {
        client.close();
    }

    void close(@Disposes DynamoDbAsyncClient client) {
        client.close();
    }
}
