package com.stockwatch.inventory;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The key schemas of the three tables (the store registry's is {@code TableSchemas.stores}, issue 9), as the local stack and the tests create them. Terraform declares the same
 * schemas for AWS; a test of the Terraform configuration compares the two.
 */
public final class TableSchemas {

    /** DynamoDB's TTL attribute of {@code InventoryAlerts}. */
    public static final String ALERTS_TTL_ATTRIBUTE = AlertsTable.EXPIRES_AT;

    private TableSchemas() {
    }

    /** {@code Inventory}: {@code store_id} + {@code item_id}, the sparse status index, NEW_AND_OLD_IMAGES stream. */
    public static CreateTableRequest inventory(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(InventoryTable.STORE_ID),
                        stringAttribute(InventoryTable.ITEM_ID),
                        stringAttribute(InventoryTable.STOCK_STATUS))
                .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH), key(InventoryTable.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(InventoryTable.STATUS_INDEX)
                        .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH),
                                key(InventoryTable.STOCK_STATUS, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    /**
     * {@code InventoryImports}: {@code store_id} + {@code import_id}; a NEW_IMAGE stream, from which the notifier
     * reports finished imports (the new image holds everything it needs, and the ledger makes repeats harmless).
     */
    public static CreateTableRequest imports(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(ImportsTable.STORE_ID), stringAttribute(ImportsTable.IMPORT_ID))
                .keySchema(key(ImportsTable.STORE_ID, KeyType.HASH), key(ImportsTable.IMPORT_ID, KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                .build();
    }

    /**
     * {@code InventoryAlerts}: {@code store_id} + {@code alert_id}; the sparse index of held alerts and of windows
     * waiting for their digest; TTL on {@link #ALERTS_TTL_ATTRIBUTE}.
     */
    public static CreateTableRequest alerts(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(AlertsTable.STORE_ID),
                        stringAttribute(AlertsTable.ALERT_ID),
                        stringAttribute(AlertsTable.HELD_IN))
                .keySchema(key(AlertsTable.STORE_ID, KeyType.HASH), key(AlertsTable.ALERT_ID, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(AlertsTable.HELD_INDEX)
                        .keySchema(key(AlertsTable.HELD_IN, KeyType.HASH), key(AlertsTable.ALERT_ID, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .build();
    }

    /** All three, named as configured. */
    public static List<CreateTableRequest> all(TableNames names) {
        return List.of(inventory(names.inventory()), imports(names.imports()), alerts(names.alerts()));
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
