package com.stockwatch.dashboard.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.stockwatch.aws.AwsClientSettings;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS clients of the dashboard: DynamoDB (sync, URL connection client) and the S3 presigner. */
@ApplicationScoped
public class DashboardClients {

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(AwsClientSettings aws) {
        return aws.syncClient(DynamoDbClient.builder(), aws.settings().dynamodbEndpoint());
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    /** Presigning is local computation: no HTTP client involved. */
    @Produces
    @Singleton
    S3Presigner presigner(AwsClientSettings aws) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(software.amazon.awssdk.regions.Region.of(aws.settings().region()))
                .credentialsProvider(aws.credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(aws.settings().s3PathStyle())
                        .build());
        aws.settings().s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes S3Presigner presigner) {
        presigner.close();
    }
}
