package com.stockwatch.loader.imports;

/**
 * Time left in the current invocation (Lambda's {@code Context#getRemainingTimeInMillis}). Below the configured
 * safety margin the loader stops at a row boundary, drains its writes, records a checkpoint and hands the rest of the
 * file to a continuation.
 */
@FunctionalInterface
public interface Deadline {

    /** No deadline (a caller outside Lambda). */
    Deadline NONE = () -> Long.MAX_VALUE;

    long remainingMillis();
}
