package com.stockwatch.dashboard.uploads;

import java.time.Instant;
import java.util.Map;

/**
 * Where and how the browser uploads a file: a presigned {@code PUT} to {@code url} with exactly these
 * {@code headers}, until {@code expiresAt}. The import record then appears under {@code key}.
 */
public record UploadTicket(String method, String url, Map<String, String> headers, String bucket, String key,
        Instant expiresAt) {
}
