package com.stockwatch.notifier.summary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.notifier.search.SearchIndexConsumer;

/**
 * What {@code Inventory}'s stream maintains for the dashboard: the item states (summary counts, level history,
 * stock-out forecast) with the store summaries, and the name-token search index.
 * {@link com.stockwatch.notifier.StreamRouter} runs it next to the alerts and reports the earliest failure of all as the
 * partial batch response.
 */
@ApplicationScoped
public class DashboardStreamConsumers {

    private final StoreSummaryConsumer summaries;
    private final SearchIndexConsumer search;

    public DashboardStreamConsumers(StoreSummaryConsumer summaries, SearchIndexConsumer search) {
        this.summaries = summaries;
        this.search = search;
    }

    /** @return the first record not fully applied, and the stock-out warnings the item states raised */
    public Applied apply(List<DynamodbStreamRecord> records) {
        return summaries.apply(records).and(Applied.upTo(search.apply(records)));
    }
}
