package com.stockwatch.notifier;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.stockwatch.notifier.summary.DashboardStreamConsumers;

/**
 * Lambda entry point for the {@code Inventory} table's stream (event source mapping with
 * {@code ReportBatchItemFailures}): hands the batch to {@link NotifierService} and to the dashboard's consumers
 * (store summaries, search index) and returns the earliest failure of them as the partial batch response.
 */
@Named("notifier")
public class StockAlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Inject
    NotifierService service;

    @Inject
    DashboardStreamConsumers dashboard;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        int dashboardFailedAt = dashboard.apply(records);
        return DashboardStreamConsumers.earliest(records, service.process(records), dashboardFailedAt);
    }
}
