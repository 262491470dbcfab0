package com.stockwatch.dashboard;

import java.util.List;
import java.util.Map;

import com.stockwatch.testing.DynamoDbLocalResource;
import com.stockwatch.testing.S3Resource;
import com.stockwatch.testing.oidc.OidcProviderResource;

import io.quarkus.test.junit.QuarkusTestProfile;

/** DynamoDB Local, S3Mock and the OIDC provider as child processes; one application start for every dashboard test class. */
public class DashboardTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DynamoDbLocalResource.class),
                new TestResourceEntry(S3Resource.class),
                new TestResourceEntry(OidcProviderResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("inventory.dashboard.upload-bucket", S3Resource.BUCKET,
                // The browser test watches one background refresh; 30 s would only slow it down.
                "inventory.dashboard.refresh-seconds", "2",
                // Exports in parts of 2 rows, so the tests follow an export across parts.
                "inventory.dashboard.max-export-rows", "2");
    }
}
