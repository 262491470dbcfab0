package com.stockwatch.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The CSP's {@code connect-src} names exactly the origin the browser's upload goes to. Presigning is offline
 * computation, so the real AWS presigner (no endpoint override, as on Lambda) shows where an upload really goes.
 */
class UploadOriginsTest {

    @Test
    void configuredOriginsWin() {
        assertThat(SecurityHeaders.uploadOrigins(Optional.of(List.of("https://b.s3.eu-west-1.amazonaws.com")),
                Optional.of(URI.create("http://127.0.0.1:9090")), "b", "eu-west-1"))
                .containsExactly("https://b.s3.eu-west-1.amazonaws.com");
    }

    @Test
    void anEmulatorEndpointIsItsOrigin() {
        assertThat(SecurityHeaders.uploadOrigins(Optional.empty(), Optional.of(URI.create("http://127.0.0.1:9090/x")),
                "b", "eu-west-1")).containsExactly("http://127.0.0.1:9090");
    }

    @ParameterizedTest
    @CsvSource({ "stockwatch-inventory-uploads, us-east-1", "stockwatch-uploads-1a2b3c, eu-central-1" })
    void withoutConfigurationTheOriginIsTheBucketsOwnNeverAWildcard(String bucket, String region) throws Exception {
        List<String> origins = SecurityHeaders.uploadOrigins(Optional.empty(), Optional.empty(), bucket, region);

        assertThat(origins).containsExactly(SecurityHeaders.bucketOrigin(bucket, region));
        assertThat(origins.get(0)).doesNotContain("*");
        assertThat(origins).containsExactly(originOf(presignedPut(bucket, region)));
    }

    /**
     * Terraform writes the same origins ({@code local.upload_origin}): {@code https://${bucket}.s3.${region}
     * .amazonaws.com}, and in us-east-1 the global {@code https://${bucket}.s3.amazonaws.com}.
     */
    @Test
    void theOriginsTerraformWritesAreWhereThePresignerPoints() throws Exception {
        assertThat(originOf(presignedPut("stockwatch-uploads-9f8e", "ap-southeast-2")))
                .isEqualTo("https://stockwatch-uploads-9f8e.s3.ap-southeast-2.amazonaws.com");
        assertThat(originOf(presignedPut("stockwatch-uploads-9f8e", "us-east-1")))
                .isEqualTo("https://stockwatch-uploads-9f8e.s3.amazonaws.com");
    }

    @Test
    void theSignOutRedirectsOriginIsAFormActionCognitosHostedDomainOrElseTheProvider() {
        Optional<String> provider = Optional.of("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC");
        assertThat(SecurityHeaders.signOutOrigin(
                Optional.of("https://stockwatch-1a2b.auth.eu-west-1.amazoncognito.com/logout"), provider))
                .contains("https://stockwatch-1a2b.auth.eu-west-1.amazoncognito.com");
        assertThat(SecurityHeaders.signOutOrigin(Optional.empty(), Optional.of("http://127.0.0.1:4711/cognito")))
                .contains("http://127.0.0.1:4711");
        assertThat(SecurityHeaders.signOutOrigin(Optional.empty(), Optional.empty())).isEmpty();
    }

    private static URL presignedPut(String bucket, String region) {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                .build()) {
            return presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key("berlin/stock.csv").contentLength(10L))).url();
        }
    }

    private static String originOf(URL url) {
        return url.getProtocol() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }
}
