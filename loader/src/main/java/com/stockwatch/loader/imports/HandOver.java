package com.stockwatch.loader.imports;

/**
 * Starts a continuation of an import in a new invocation: the loader's own function, invoked asynchronously with an
 * S3 event for the same object (see {@link LambdaHandOver}). The continuation finds the checkpoint in the import
 * record, not in the event, so a replayed or duplicated continuation event is harmless.
 */
@FunctionalInterface
public interface HandOver {

    void handOver(S3ObjectRef object);
}
