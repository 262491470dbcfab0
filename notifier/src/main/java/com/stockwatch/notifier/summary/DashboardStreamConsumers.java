package com.stockwatch.notifier.summary;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.stockwatch.notifier.search.SearchIndexConsumer;

/**
 * What {@code Inventory}'s stream maintains for the dashboard: the store summaries and the name-token search index.
 * The handler runs it next to the alerts and reports the earliest failure of all as the partial batch response.
 */
@ApplicationScoped
public class DashboardStreamConsumers {

    private final StoreSummaryConsumer summaries;
    private final SearchIndexConsumer search;

    public DashboardStreamConsumers(StoreSummaryConsumer summaries, SearchIndexConsumer search) {
        this.summaries = summaries;
        this.search = search;
    }

    /** @return the index of the first record not fully applied, or {@code records.size()} */
    public int apply(List<DynamodbStreamRecord> records) {
        return Math.min(summaries.apply(records), search.apply(records));
    }

    /**
     * {@code response} (the alerts' partial batch response) with its failure moved to {@code failedAt} when that
     * record comes first in the batch.
     */
    public static StreamsEventResponse earliest(List<DynamodbStreamRecord> records, StreamsEventResponse response,
            int failedAt) {
        if (failedAt >= records.size()) {
            return response;
        }
        List<StreamsEventResponse.BatchItemFailure> failures = response.getBatchItemFailures() == null
                ? List.of() : response.getBatchItemFailures();
        int alertsFailedAt = records.size();
        for (StreamsEventResponse.BatchItemFailure failure : failures) {
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).getDynamodb().getSequenceNumber().equals(failure.getItemIdentifier())) {
                    alertsFailedAt = Math.min(alertsFailedAt, i);
                }
            }
        }
        if (alertsFailedAt <= failedAt) {
            return response;
        }
        List<StreamsEventResponse.BatchItemFailure> earliest = new ArrayList<>();
        earliest.add(StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(records.get(failedAt).getDynamodb().getSequenceNumber()).build());
        StreamsEventResponse merged = new StreamsEventResponse();
        merged.setBatchItemFailures(earliest);
        return merged;
    }
}
