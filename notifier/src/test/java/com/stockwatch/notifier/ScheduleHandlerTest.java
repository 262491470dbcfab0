package com.stockwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.sns.SnsStandInResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same application with {@code quarkus.lambda.handler=schedule} (what {@code QUARKUS_LAMBDA_HANDLER} sets on the
 * scheduled function): an EventBridge Scheduler invocation runs the flush and the silent-store check.
 */
@QuarkusTest
@TestProfile(ScheduleHandlerTest.ScheduleProfile.class)
@WithTestResource(DynamoDbLocalResource.class)
@WithTestResource(SnsStandInResource.class)
class ScheduleHandlerTest {

    public static class ScheduleProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "schedule");
        }
    }

    @Test
    void theScheduledHandlerIsSelectedByConfigurationAndRunsItsTasks() {
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            StoresTableForTests.recreate(dynamoDb);
        }
        String summary = given().contentType("application/json")
                .body("{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\"}")
                .post("/_lambda_").then().statusCode(200).extract().asString();

        assertThat(summary).contains("digests sent: 0 of 0 due").contains("silent stores: 0");
    }
}
