package com.stockwatch.emulators.s3;

import java.util.HashMap;
import java.util.Map;

import com.adobe.testing.s3mock.S3MockApplication;
import com.stockwatch.emulators.ChildProcess;

/**
 * Adobe S3Mock over plain HTTP on 127.0.0.1 (path-style URLs). Options: {@code --port N} (0 picks a free port),
 * {@code --buckets a,b} created at start, {@code --data-dir DIR} to keep objects between runs (default: a temporary
 * folder removed on exit).
 */
public final class S3MockMain {

    private S3MockMain() {
    }

    public static void main(String[] args) {
        try {
            ChildProcess process = ChildProcess.fromArgs(args);
            Map<String, Object> properties = new HashMap<>();
            properties.put(S3MockApplication.PROP_HTTP_PORT, process.port());
            // The HTTPS connector is unused but always started: keep it on loopback and off fixed ports.
            properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
            properties.put("server.address", "127.0.0.1");
            properties.put("spring.main.sources", LoopbackHttpConnector.class.getName() + ","
                    + MultipartChecksumsAsS3.class.getName());
            properties.put(S3MockApplication.PROP_SILENT, true);
            properties.put("spring.main.banner-mode", "off");
            properties.put("com.adobe.testing.s3mock.store.initialBuckets", process.option("buckets", ""));
            String dataDir = process.option("data-dir", "");
            if (!dataDir.isEmpty()) {
                properties.put("com.adobe.testing.s3mock.store.root", dataDir);
                properties.put("com.adobe.testing.s3mock.store.retainFilesOnExit", true);
            }
            S3MockApplication s3 = S3MockApplication.start(properties);
            process.ready("http://127.0.0.1:" + s3.getHttpPort(), s3::stop);
        } catch (Throwable e) {
            ChildProcess.fail("s3", e);
        }
    }
}
