package com.stockwatch.dashboard.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Alerts and digests of a store, newest first. Alert records sort before the notifier's window and digest records
 * ({@code alert_id} starting with {@code ~}), so each list is one Query of its own key range. Until the notifier
 * creates its table, there are none.
 */
@ApplicationScoped
public class AlertsService {

    /** Sorts after every alert id (they start with a digit). */
    private static final String AFTER_ALERTS = "~";

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DashboardConfig config;

    public AlertsService(DynamoDbClient dynamoDb, TableNames tables, DashboardConfig config) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.config = config;
    }

    /** The newest alerts of the store, whatever their delivery. */
    public List<AlertView> recent(String store) {
        return alerts(query(store, "#store = :store AND #id < :after", Map.of(":after", s(AFTER_ALERTS)), null,
                config.alertsPageSize()));
    }

    /** The alerts a digest carried (empty when there is no such digest of this store). */
    public List<AlertView> ofDigest(String store, String digestId) {
        Optional<Map<String, AttributeValue>> digest = digestRecord(store, digestId);
        if (digest.isEmpty() || digest.get().get(AlertsTable.FIRST_ALERT_ID) == null) {
            return List.of();
        }
        return alerts(query(store, "#store = :store AND #id BETWEEN :first AND :last",
                Map.of(":first", digest.get().get(AlertsTable.FIRST_ALERT_ID),
                        ":last", digest.get().get(AlertsTable.LAST_ALERT_ID), ":digest", s(digestId)),
                "#digest = :digest", config.alertsPageSize()));
    }

    /** The newest digests of the store. */
    public List<DigestView> digests(String store) {
        List<DigestView> digests = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(store, "#store = :store AND begins_with(#id, :prefix)",
                Map.of(":prefix", s(AlertsTable.DIGEST_PREFIX)), null, 20)) {
            Map<String, Long> counts = new TreeMap<>();
            AttributeValue byType = item.get(AlertsTable.COUNTS);
            if (byType != null && byType.hasM()) {
                byType.m().forEach((type, count) -> counts.put(type, Long.parseLong(count.n())));
            }
            Long count = number(item, AlertsTable.ALERT_COUNT);
            digests.add(new DigestView(string(item, AlertsTable.ALERT_ID), string(item, AlertsTable.WINDOW_START),
                    string(item, AlertsTable.WINDOW_END), count == null ? 0 : count, counts,
                    string(item, AlertsTable.DELIVERY), string(item, AlertsTable.DELIVERED_AT)));
        }
        return digests;
    }

    private Optional<Map<String, AttributeValue>> digestRecord(String store, String digestId) {
        if (!digestId.startsWith(AlertsTable.DIGEST_PREFIX)) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.alerts())
                    .key(Map.of(AlertsTable.STORE_ID, s(store), AlertsTable.ALERT_ID, s(digestId)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private List<Map<String, AttributeValue>> query(String store, String keyCondition,
            Map<String, AttributeValue> values, String filter, int limit) {
        Map<String, AttributeValue> allValues = new java.util.HashMap<>(values);
        allValues.put(":store", s(store));
        Map<String, String> names = new java.util.HashMap<>(Map.of("#store", AlertsTable.STORE_ID,
                "#id", AlertsTable.ALERT_ID));
        if (filter != null) {
            names.put("#digest", AlertsTable.DIGEST_ID);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamoDb.query(b -> b.tableName(tables.alerts()).keyConditionExpression(keyCondition)
                        .filterExpression(filter).expressionAttributeNames(names)
                        .expressionAttributeValues(allValues).scanIndexForward(false).limit(limit)
                        .exclusiveStartKey(from));
                items.addAll(page.items());
                // A filter may leave a page short: read on until the page is full or the range ends.
                start = filter != null && items.size() < limit && page.hasLastEvaluatedKey()
                        && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    private static List<AlertView> alerts(List<Map<String, AttributeValue>> items) {
        List<AlertView> alerts = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            alerts.add(new AlertView(string(item, AlertsTable.ALERT_ID), string(item, AlertsTable.ITEM_ID),
                    string(item, AlertsTable.ITEM_NAME), string(item, AlertsTable.ALERT_TYPE),
                    number(item, AlertsTable.OLD_LEVEL), number(item, AlertsTable.NEW_LEVEL),
                    string(item, AlertsTable.OCCURRED_AT), string(item, AlertsTable.DELIVERY),
                    string(item, AlertsTable.DIGEST_ID), string(item, AlertsTable.FAILURE_REASON)));
        }
        return alerts;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        try {
            return value == null || value.n() == null ? null : Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
