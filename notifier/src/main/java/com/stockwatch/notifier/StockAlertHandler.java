package com.stockwatch.notifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.stockwatch.logging.LogFields;
import com.stockwatch.metrics.Metrics;
import com.stockwatch.metrics.MetricsLogger;

/**
 * Lambda entry point for the {@code Inventory} and {@code InventoryImports} streams (event source mappings with
 * {@code ReportBatchItemFailures}): hands the batch to {@link StreamRouter} (alerts, store summaries, search index,
 * import outcomes) and reports the earliest record to retry.
 */
@Named("notifier")
public class StockAlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = Logger.getLogger(StockAlertHandler.class);

    @Inject
    StreamRouter router;

    @Inject
    Metrics metrics;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        LogFields.invocation(context == null ? null : context.getAwsRequestId());
        MetricsLogger batch = metrics.start();
        StreamMetrics.record(batch, records, Instant.now());
        batch.flush();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        router.process(records).ifPresent(index -> {
            failures.add(StreamsEventResponse.BatchItemFailure.builder()
                    .withItemIdentifier(records.get(index).getDynamodb().getSequenceNumber()).build());
            MDC.put(LogFields.EVENT_ID, records.get(index).getEventID());
            MDC.put(LogFields.OUTCOME, "RETRY");
            LOG.warnf("%d of %d records were not handled: the batch is retried from record %s", records.size() - index,
                    records.size(), records.get(index).getEventID());
        });
        StreamsEventResponse response = new StreamsEventResponse();
        response.setBatchItemFailures(failures);
        return response;
    }
}
