package com.stockwatch.testing;

import java.net.URI;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The emulators of this test JVM, each started once on first use and stopped when the JVM exits, with ready SDK
 * clients for arranging and asserting. Credentials and region are the emulators' conventional ones.
 */
public final class Emulators {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";

    private static EmulatorProcess dynamoDb;
    private static EmulatorProcess s3;

    private Emulators() {
    }

    /** DynamoDB Local (in memory, with Streams). */
    public static synchronized EmulatorProcess dynamoDb() {
        if (dynamoDb == null || !dynamoDb.isAlive()) {
            dynamoDb = EmulatorProcess.start("dynamodb", "dynamodb",
                    "com.stockwatch.emulators.dynamodb.DynamoDbLocalMain", List.of("--port", "0"));
        }
        return dynamoDb;
    }

    /** S3Mock with the given buckets created at start (buckets of a later call are created by {@link S3Resource}). */
    public static synchronized EmulatorProcess s3() {
        if (s3 == null || !s3.isAlive()) {
            s3 = EmulatorProcess.start("s3", "s3", "com.stockwatch.emulators.s3.S3MockMain", List.of("--port", "0"));
        }
        return s3;
    }

    public static DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDb().endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static DynamoDbStreamsClient dynamoDbStreamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoDb().endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(s3().endpoint())
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static URI dynamoDbEndpoint() {
        return dynamoDb().endpoint();
    }

    public static URI s3Endpoint() {
        return s3().endpoint();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }
}
