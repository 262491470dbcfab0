package com.stockwatch.emulators.s3;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Multipart uploads made with the AWS CLI's default data-integrity checksums, accepted as S3 accepts them.
 *
 * <p>The CLI (botocore 1.36 and later, CLI v2 from 2.23) creates a multipart upload with
 * {@code x-amz-checksum-algorithm: CRC32}, sends each part with its {@code x-amz-checksum-crc32}, and completes the
 * upload without repeating the parts' checksums: S3 combines the checksums it stored with the parts. S3Mock 5.2.0
 * instead requires every part's checksum in the complete request and answers 400 "The upload was created using a
 * crc32 checksum. The complete request must include the checksum for each part". This filter hides the checksum
 * algorithm and type of {@code CreateMultipartUpload} ({@code POST ?uploads}) from S3Mock, so the upload is one
 * without a whole-upload checksum: each part's checksum is still verified as it arrives (a damaged part is still
 * refused), and completing it needs no part checksums, as on S3. The SDK for Java, which does repeat the parts'
 * checksums, completes either way.
 */
@Configuration(proxyBeanMethods = false)
public class MultipartChecksumsAsS3 {

    static final Set<String> HIDDEN = Set.of("x-amz-checksum-algorithm", "x-amz-checksum-type",
            "x-amz-sdk-checksum-algorithm");

    @Bean
    static FilterRegistrationBean<Filter> createUploadWithoutChecksumMode() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CreateUploadFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class CreateUploadFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && "POST".equals(http.getMethod())
                    && createsUpload(http.getQueryString())) {
                chain.doFilter(new WithoutChecksumHeaders(http), response);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** {@code POST /bucket/key?uploads} (the query is read raw: the body of other POSTs stays untouched). */
    static boolean createsUpload(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.equals("uploads") || parameter.startsWith("uploads=")) {
                return true;
            }
        }
        return false;
    }

    static final class WithoutChecksumHeaders extends HttpServletRequestWrapper {
        WithoutChecksumHeaders(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
