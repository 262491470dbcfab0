package com.stockwatch.loader.validate;

import java.time.Instant;
import java.util.Optional;

/**
 * What a row is validated against: where the file lives and when it was written.
 *
 * @param folderStore   the store whose folder holds the file (first key segment); empty for a file at the bucket root
 * @param declaredStore {@code store_id} the file declares for all its rows (JSON object form); empty otherwise
 * @param fileTime      the S3 event time of the object, which becomes every item's {@code last_updated}
 * @param source        {@code s3://bucket/key}
 */
public record FileContext(Optional<String> folderStore, Optional<String> declaredStore, Instant fileTime,
        String source) {
}
