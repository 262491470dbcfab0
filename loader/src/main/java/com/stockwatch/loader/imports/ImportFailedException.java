package com.stockwatch.loader.imports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the handler when some file ended FAILED, so the invocation fails and Lambda retries the event. Retrying is
 * safe: conditional writes skip everything already stored.
 */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(List<ImportResult> failed) {
        super(failed.stream().map(ImportResult::summary).collect(Collectors.joining("; ")));
    }
}
