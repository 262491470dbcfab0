package com.stockwatch.loader.aws;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.stockwatch.aws.AwsClientSettings;
import com.stockwatch.loader.LoaderConfig;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
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
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                                .toBuilder().maxAttempts(config.sdkMaxAttempts()).build())),
                aws.settings().dynamodbEndpoint()).build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    void close(@Disposes DynamoDbAsyncClient client) {
        client.close();
    }
}
