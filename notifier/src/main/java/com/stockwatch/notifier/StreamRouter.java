package com.stockwatch.notifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.stockwatch.notifier.imports.ImportOutcomes;
import com.stockwatch.notifier.summary.Applied;
import com.stockwatch.notifier.summary.DashboardStreamConsumers;

/**
 * Sends each stream record to the consumers of its table, by the table name in its {@code eventSourceARN}
 * ({@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}): the imports table's records to
 * {@link ImportOutcomes}, every other (the {@code Inventory} table's) to {@link NotifierService} (alerts) and to
 * {@link DashboardStreamConsumers} (item states with history and forecast, store summaries, search index), the
 * item states first: the stock-out warnings they raise go to the alerts. Each consumer is idempotent on redelivery,
 * so returning the earliest record any of them wants retried is safe for all.
 */
public class StreamRouter {

    private final String importsTable;
    private final NotifierService inventory;
    private final DashboardStreamConsumers dashboard;
    private final ImportOutcomes imports;

    public StreamRouter(String importsTable, NotifierService inventory, DashboardStreamConsumers dashboard,
            ImportOutcomes imports) {
        this.importsTable = importsTable;
        this.inventory = inventory;
        this.dashboard = dashboard;
        this.imports = imports;
    }

    public Optional<Integer> process(List<DynamodbStreamRecord> records) {
        List<Integer> inventoryAt = new ArrayList<>();
        List<Integer> importsAt = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            (importsTable.equals(tableOf(records.get(i).getEventSourceARN())) ? importsAt : inventoryAt).add(i);
        }
        Optional<Integer> failed = Optional.empty();
        if (!inventoryAt.isEmpty()) {
            List<DynamodbStreamRecord> inventoryRecords = inventoryAt.stream().map(records::get).toList();
            Applied states = dashboard.apply(inventoryRecords);
            failed = earliest(failed, inventory.process(inventoryRecords, states.warnings()).map(inventoryAt::get));
            failed = earliest(failed, states.retryFrom().map(inventoryAt::get));
        }
        if (!importsAt.isEmpty()) {
            failed = earliest(failed, imports.process(importsAt.stream().map(records::get).toList())
                    .map(importsAt::get));
        }
        return failed;
    }

    static String tableOf(String eventSourceArn) {
        if (eventSourceArn == null) {
            return "";
        }
        int table = eventSourceArn.indexOf(":table/");
        if (table < 0) {
            return "";
        }
        int end = eventSourceArn.indexOf('/', table + ":table/".length());
        return eventSourceArn.substring(table + ":table/".length(), end < 0 ? eventSourceArn.length() : end);
    }

    private static Optional<Integer> earliest(Optional<Integer> a, Optional<Integer> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(Math.min(a.get(), b.get()));
    }
}
