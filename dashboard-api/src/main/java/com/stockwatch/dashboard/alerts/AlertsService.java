package com.stockwatch.dashboard.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Recent alerts of a store, newest first. Until the notifier creates its table, there are none. */
@ApplicationScoped
public class AlertsService {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DashboardConfig config;

    public AlertsService(DynamoDbClient dynamoDb, TableNames tables, DashboardConfig config) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.config = config;
    }

    public List<AlertView> recent(String store) {
        List<Map<String, AttributeValue>> items;
        try {
            items = dynamoDb.query(b -> b.tableName(tables.alerts())
                    .keyConditionExpression("#store = :store")
                    .expressionAttributeNames(Map.of("#store", AlertsTable.STORE_ID))
                    .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)))
                    .scanIndexForward(false)
                    .limit(config.alertsPageSize())).items();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        List<AlertView> alerts = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            alerts.add(new AlertView(string(item, AlertsTable.ALERT_ID), string(item, AlertsTable.ITEM_ID),
                    string(item, AlertsTable.ITEM_NAME), string(item, AlertsTable.ALERT_TYPE),
                    number(item, AlertsTable.OLD_LEVEL), number(item, AlertsTable.NEW_LEVEL),
                    string(item, AlertsTable.OCCURRED_AT), string(item, AlertsTable.DELIVERY)));
        }
        return alerts;
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
