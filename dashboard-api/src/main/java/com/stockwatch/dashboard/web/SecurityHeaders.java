package com.stockwatch.dashboard.web;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.stockwatch.aws.AwsSettings;
import com.stockwatch.dashboard.DashboardConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Security headers on every response (pages, API, static assets, redirects): a Content-Security-Policy without
 * {@code unsafe-inline} (scripts and styles only from {@code /static/}), {@code frame-ancestors 'none'}, HSTS,
 * {@code nosniff} and a strict referrer policy. {@code connect-src} also allows the S3 origin for direct uploads.
 */
@Singleton
public class SecurityHeaders {

    private final String contentSecurityPolicy;

    public SecurityHeaders(DashboardConfig config, AwsSettings aws) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + String.join(" ", uploadOrigins(config, aws)) + "; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    static List<String> uploadOrigins(DashboardConfig config, AwsSettings aws) {
        if (config.uploadOrigins().isPresent() && !config.uploadOrigins().get().isEmpty()) {
            return config.uploadOrigins().get();
        }
        if (aws.s3Endpoint().isPresent()) {
            URI endpoint = aws.s3Endpoint().get();
            String origin = endpoint.getScheme() + "://" + endpoint.getHost()
                    + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
            return List.of(origin);
        }
        return List.of("https://*.amazonaws.com");
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
            });
            rc.next();
        }, 1000);
    }
}
