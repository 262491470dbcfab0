package com.stockwatch.loader.handler;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.loader.imports.Deadline;
import com.stockwatch.loader.imports.ImportFailedException;
import com.stockwatch.loader.imports.ImportMetrics;
import com.stockwatch.loader.imports.ImportResult;
import com.stockwatch.loader.imports.LoaderService;
import com.stockwatch.loader.imports.S3ObjectRef;
import com.stockwatch.logging.LogFields;
import com.stockwatch.metrics.Metrics;
import com.stockwatch.metrics.MetricsLogger;

/**
 * S3 ObjectCreated events in, one import per record.
 *
 * <p>The input type is {@link S3Event}, the events library's subclass of {@code S3EventNotification} (its records are
 * {@code S3EventNotification.S3EventNotificationRecord}s): Quarkus reads exactly this type with its own
 * reflection-free {@code S3EventInputReader} (also in native mode), whereas plain {@code S3EventNotification} has no
 * Jackson creator and cannot be deserialized at all. The invocation's remaining time is the loader's deadline: a file
 * that does not fit is continued in a new invocation (events named {@code ObjectCreated:StockwatchContinuation}, sent
 * by the loader itself). Fails the invocation when a file could not be stored completely,
 * so Lambda retries the event (safe: item writes are conditional).
 */
@Named("loader")
public class LoaderHandler implements RequestHandler<S3Event, String> {

    /** Lambda's longest timeout (15 minutes), with a little slack. */
    static final int MAX_LAMBDA_TIMEOUT_MILLIS = 901_000;

    @Inject
    LoaderService loader;

    @Inject
    Metrics metrics;

    @Override
    public String handleRequest(S3Event event, Context context) {
        LogFields.invocation(context == null ? null : context.getAwsRequestId());
        List<S3ObjectRef> objects = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .filter(record -> record.getEventName() != null && record.getEventName().startsWith("ObjectCreated"))
                .filter(record -> !record.getS3().getObject().getKey().endsWith("/"))
                .map(S3ObjectRef::of)
                .toList();
        Deadline deadline = deadline(context);
        List<ImportResult> results = loader.importAll(objects, deadline);
        MetricsLogger invocation = metrics.start();
        ImportMetrics.record(invocation, results);
        invocation.flush();
        List<ImportResult> failed = results.stream().filter(r -> r.status() == ImportStatus.FAILED).toList();
        if (!failed.isEmpty()) {
            throw new ImportFailedException(failed);
        }
        return results.stream().map(ImportResult::summary).collect(Collectors.joining("\n"));
    }

    /**
     * The invocation's remaining time as the deadline, when the runtime gave one: Lambda always does (at most 15
     * minutes); Quarkus's mock event server sends no deadline, and its context then answers nonsense.
     */
    static Deadline deadline(Context context) {
        if (context == null) {
            return Deadline.NONE;
        }
        int first = context.getRemainingTimeInMillis();
        return first <= 0 || first > MAX_LAMBDA_TIMEOUT_MILLIS ? Deadline.NONE : context::getRemainingTimeInMillis;
    }
}
