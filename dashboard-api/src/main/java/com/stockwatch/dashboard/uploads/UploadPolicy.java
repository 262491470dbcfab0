package com.stockwatch.dashboard.uploads;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.stockwatch.dashboard.inventory.BadParameterException;

/**
 * Which files a user may upload and where they go: a name ending in one of the bucket's notification suffixes (the
 * one list Terraform's {@code upload_extensions} holds and passes here, e.g. {@code .csv}, {@code .csv.gz}; anything
 * else would sit in the bucket without ever being loaded), a size from 1 byte to the limit, and an object key
 * {@code <store>/<UTC time>-<random>-<safe name>} under the store's prefix, so the loader assigns the file to that
 * store and two uploads never overwrite each other.
 */
public final class UploadPolicy {

    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_NAME_CHARS = 120;

    private final List<String> suffixes;
    private final long maxBytes;

    /** @param suffixes file name endings such as {@code .csv} or {@code .csv.gz} (a missing leading dot is added) */
    public UploadPolicy(List<String> suffixes, long maxBytes) {
        this.suffixes = suffixes.stream().map(String::trim).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT)).map(e -> e.startsWith(".") ? e : "." + e).toList();
        this.maxBytes = maxBytes;
    }

    /**
     * The object key of an upload.
     *
     * @throws BadParameterException naming {@code fileName} or {@code size}
     */
    public String objectKey(String store, String fileName, Long size, Instant now) {
        if (fileName == null || fileName.isBlank()) {
            throw new BadParameterException("fileName", "fileName is required.");
        }
        String name = safeName(fileName);
        if (!hasAllowedExtension(name)) {
            throw new BadParameterException("fileName", "fileName must end in " + allowedSuffixes() + ".");
        }
        if (size == null || size < 1 || size > maxBytes) {
            throw new BadParameterException("size",
                    "size must be from 1 to " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MiB).");
        }
        String random = UUID.randomUUID().toString().substring(0, 8);
        return store + "/" + KEY_TIME.format(now) + "-" + random + "-" + name;
    }

    /** Human-readable list of accepted endings, for the page and error messages. */
    public String allowedSuffixes() {
        return String.join(", ", suffixes);
    }

    /** The {@code accept} attribute of the file input. */
    public String acceptAttribute() {
        return String.join(",", suffixes);
    }

    public long maxBytes() {
        return maxBytes;
    }

    boolean hasAllowedExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(suffix -> lower.endsWith(suffix) && lower.length() > suffix.length());
    }

    /** The last path segment with anything but letters, digits, {@code . _ -} replaced by {@code _}. */
    static String safeName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(name.length() - MAX_NAME_CHARS);
        }
        return name;
    }
}
