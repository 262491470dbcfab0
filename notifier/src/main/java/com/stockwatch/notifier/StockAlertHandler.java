package com.stockwatch.notifier;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * Lambda entry point for the {@code Inventory} table's stream (event source mapping with
 * {@code ReportBatchItemFailures}): hands the batch to {@link NotifierService} and returns its partial batch response.
 */
@Named("notifier")
public class StockAlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Inject
    NotifierService service;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return service.process(event.getRecords() == null ? java.util.List.of() : event.getRecords());
    }
}
