package com.stockwatch.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Which storage failures are outages (503, try again) and which are requests that should not have been sent (500). */
class StorageErrorsTest {

    @Test
    void throttlingServerErrorsAndUnreachableStorageAreOutages() {
        assertThat(ErrorMappers.isOutage(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build())).isTrue();
        assertThat(ErrorMappers.isOutage(DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build()))
                .isTrue();
        assertThat(ErrorMappers.isOutage(SdkClientException.create("Unable to execute HTTP request",
                new IOException("Connection refused")))).isTrue();
    }

    @Test
    void aValidationExceptionIsNoOutage() {
        assertThat(ErrorMappers.isOutage(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException")
                        .errorMessage("One or more parameter values were invalid: Aggregated size of all range keys"
                                + " has exceeded the size limit of 1024 bytes").build())
                .build())).isFalse();
    }
}
