package com.stockwatch.dashboard;

import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts the DynamoDB items every client of this JVM reads (items a Query or Scan evaluated, items GetItem and
 * BatchGetItem returned) and the calls, for the benchmark's "items read per request". Registered for the tests of
 * this module as an SDK global interceptor ({@code software/amazon/awssdk/global/handlers/execution.interceptors});
 * it only counts.
 */
public class ReadCounter implements ExecutionInterceptor {

    static final AtomicLong ITEMS = new AtomicLong();
    static final AtomicLong CALLS = new AtomicLong();

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        long items = 0;
        if (response instanceof QueryResponse query) {
            items = query.scannedCount() == null ? query.count() : query.scannedCount();
        } else if (response instanceof ScanResponse scan) {
            items = scan.scannedCount() == null ? scan.count() : scan.scannedCount();
        } else if (response instanceof GetItemResponse get) {
            items = get.hasItem() ? 1 : 0;
        } else if (response instanceof BatchGetItemResponse batch) {
            items = batch.responses().values().stream().mapToLong(java.util.List::size).sum();
        } else {
            return;
        }
        ITEMS.addAndGet(items);
        CALLS.incrementAndGet();
    }
}
