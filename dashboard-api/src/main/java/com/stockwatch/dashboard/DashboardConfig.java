package com.stockwatch.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the dashboard function. On Lambda they come from the environment ({@code INVENTORY_DASHBOARD_*});
 * OIDC settings live under {@code quarkus.oidc.*} (see {@code docs/dashboard.md}).
 */
@ConfigMapping(prefix = "inventory.dashboard")
public interface DashboardConfig {

    /** Bucket the loader watches; uploads are presigned PUTs into it, under {@code <store_id>/}. */
    @WithDefault("stockwatch-inventory-uploads")
    String uploadBucket();

    /** Largest file a user may upload, in bytes (the presigned URL signs the exact length). */
    @WithDefault("104857600")
    long maxUploadBytes();

    /** How long a presigned upload URL stays valid. */
    @WithDefault("PT5M")
    Duration presignExpiry();

    /**
     * File name endings the upload page accepts: the bucket's notification suffixes (Terraform passes its
     * {@code upload_extensions}, the deploy checks compare this default with what the loader reads).
     */
    @WithDefault(".csv,.csv.gz,.tsv,.tsv.gz,.txt,.txt.gz,.json,.json.gz,.jsonl,.jsonl.gz,.ndjson,.ndjson.gz")
    List<String> uploadExtensions();

    /** Items per page when the request names no {@code limit}. */
    @WithDefault("50")
    int pageSize();

    /** Largest {@code limit} a request may ask for; more is a 400. */
    @WithDefault("200")
    int maxPageSize();

    /** Stores per page of the overview (admins page through the registry). */
    @WithDefault("50")
    int storesPageSize();

    /** How many import records the imports page and API show. */
    @WithDefault("20")
    int importsPageSize();

    /** How many alerts the alerts page and API show. */
    @WithDefault("50")
    int alertsPageSize();

    /** Seconds between background refreshes of the inventory table. */
    @WithDefault("30")
    int refreshSeconds();

    /**
     * Largest number of rows one part of a CSV export writes; a part also ends once it holds
     * {@link #maxExportBytes()}. A bigger view is exported in parts: each names the next in its {@code Link} header.
     */
    @WithDefault("20000")
    int maxExportRows();

    /**
     * Size after which a part of a CSV export ends (checked every 200 rows, at most ~250 KB more): a Lambda response
     * is at most 6 MB.
     */
    @WithDefault("4500000")
    int maxExportBytes();

    /** How long the list of known stores (for admins) is reused before it is read again. */
    @WithDefault("PT60S")
    Duration storesCacheTtl();

    /**
     * Stores every admin sees even before any file of theirs was imported. The admin store list is these plus every
     * store that has an import record.
     */
    Optional<List<String>> knownStores();

    /** Cognito group whose members see every store. */
    @WithDefault("admin")
    String adminGroup();

    /** Prefix of the Cognito groups that grant one store each: {@code store-berlin} sees {@code berlin}. */
    @WithDefault("store-")
    String storeGroupPrefix();

    /** OAuth scope a bearer access token must carry to use {@code /api/*}. */
    @WithDefault("stockwatch/dashboard")
    String apiScope();

    /**
     * Origins the browser may send uploads to ({@code connect-src} of the Content-Security-Policy). Terraform sets the
     * bucket's origin {@code https://<bucket>.s3.<region>.amazonaws.com}. Empty means the S3 endpoint override when one
     * is configured (emulators), else that same bucket origin built from {@link #uploadBucket()} and the region.
     */
    Optional<List<String>> uploadOrigins();
}
