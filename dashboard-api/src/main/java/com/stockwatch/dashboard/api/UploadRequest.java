package com.stockwatch.dashboard.api;

/** A file the caller wants to upload: its name (extension decides the format) and exact size in bytes. */
public record UploadRequest(String fileName, Long size) {
}
