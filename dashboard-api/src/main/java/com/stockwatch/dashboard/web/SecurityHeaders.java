package com.stockwatch.dashboard.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.stockwatch.aws.AwsSettings;
import com.stockwatch.dashboard.DashboardConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Security headers on every response (pages, API, static assets, redirects): a Content-Security-Policy without
 * {@code unsafe-inline} (scripts and styles only from {@code /static/}), {@code frame-ancestors 'none'}, HSTS,
 * {@code nosniff} and a strict referrer policy. {@code connect-src} also allows the bucket's origin for direct uploads.
 */
@Singleton
public class SecurityHeaders {

    /**
     * Header the pages' scripts put on their background requests (result refresh, import polling). With a signed
     * CSRF cookie quarkus-rest-csrf issues a new token on every GET, so such a request would silently replace the
     * cookie the page's forms (sign-out, upload) were rendered with, and their next POST would be refused; their
     * answers therefore never set that cookie.
     */
    static final String BACKGROUND_REQUEST = "X-Background";

    private final String contentSecurityPolicy;
    private final String csrfCookieName;

    public SecurityHeaders(DashboardConfig config, AwsSettings aws,
            @ConfigProperty(name = "quarkus.oidc.end-session-path") Optional<String> endSessionPath,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
            String csrfCookieName) {
        this.csrfCookieName = csrfCookieName;
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + String.join(" ", uploadOrigins(config.uploadOrigins(), aws.s3Endpoint(),
                        config.uploadBucket(), aws.region()))
                + "; form-action 'self'" + signOutOrigin(endSessionPath, authServerUrl).map(o -> " " + o).orElse("")
                + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /**
     * The sign-out form's POST is answered with a redirect to the provider's end-session endpoint, and browsers apply
     * {@code form-action} to a form's redirects too: that origin must be allowed. Cognito's ({@code end-session-path},
     * an absolute URL on the hosted domain) or else the provider's own (a discovered endpoint).
     */
    static Optional<String> signOutOrigin(Optional<String> endSessionPath, Optional<String> authServerUrl) {
        return endSessionPath.filter(p -> p.startsWith("https://") || p.startsWith("http://"))
                .or(() -> authServerUrl).map(URI::create).map(SecurityHeaders::origin);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /**
     * The origins presigned uploads go to: the configured ones (Terraform sets the bucket's origin), else the S3
     * endpoint override (emulators), else the bucket's own virtual-hosted origin in the region, which is where the
     * presigner points on AWS. Never a wildcard: any other S3 bucket would be a place a script could send data to.
     */
    static List<String> uploadOrigins(Optional<List<String>> configured, Optional<URI> s3Endpoint, String bucket,
            String region) {
        if (configured.isPresent() && !configured.get().isEmpty()) {
            return configured.get();
        }
        if (s3Endpoint.isPresent()) {
            return List.of(origin(s3Endpoint.get()));
        }
        return List.of(bucketOrigin(bucket, region));
    }

    /**
     * {@code https://<bucket>.s3.<region>.amazonaws.com}, or {@code https://<bucket>.s3.amazonaws.com} in us-east-1,
     * where the SDK's presigner uses S3's global endpoint; Terraform passes the same ({@code local.upload_origin}).
     */
    static String bucketOrigin(String bucket, String region) {
        return "us-east-1".equals(region) ? "https://" + bucket + ".s3.amazonaws.com"
                : "https://" + bucket + ".s3." + region + ".amazonaws.com";
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                var headers = rc.response().headers();
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "same-origin");
                if (!rc.request().path().startsWith("/static/")) {
                    headers.set("Cache-Control", "no-store");
                }
                if (rc.request().headers().contains(BACKGROUND_REQUEST)) {
                    rc.response().removeCookies(csrfCookieName, false);
                }
            });
            rc.next();
        }, 1000);
    }
}
