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
 * The key schemas of the tables, as the local stack and the tests create them. Terraform declares the same
 * schemas for AWS; a test of the Terraform configuration compares the two.
 */
public final class TableSchemas {

    /** DynamoDB's TTL attribute of {@code InventoryAlerts}. */
    public static final String ALERTS_TTL_ATTRIBUTE = AlertsTable.EXPIRES_AT;
    /** DynamoDB's TTL attribute of {@code InventoryImports} (written by the loader's import records). */
    public static final String IMPORTS_TTL_ATTRIBUTE = ImportsTable.EXPIRES_AT;

    private TableSchemas() {
    }

    /**
     * {@code Inventory}: {@code store_id} + {@code item_id}, the sparse status index, the keys-only level and name
     * indexes for the dashboard's sorts, NEW_AND_OLD_IMAGES stream.
     */
    public static CreateTableRequest inventory(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(InventoryTable.STORE_ID),
                        stringAttribute(InventoryTable.ITEM_ID),
                        stringAttribute(InventoryTable.STOCK_STATUS),
                        numberAttribute(InventoryTable.INVENTORY_LEVEL),
                        stringAttribute(InventoryTable.ITEM_NAME))
                .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH), key(InventoryTable.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(InventoryTable.STATUS_INDEX)
                                .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH),
                                        key(InventoryTable.STOCK_STATUS, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(InventoryTable.LEVEL_INDEX)
                                .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH),
                                        key(InventoryTable.INVENTORY_LEVEL, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(InventoryTable.NAME_INDEX)
                                .keySchema(key(InventoryTable.STORE_ID, KeyType.HASH),
                                        key(InventoryTable.ITEM_NAME, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                                .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    /**
     * {@code InventoryImports}: {@code store_id} + {@code import_id}; a NEW_IMAGE stream, from which the notifier
     * reports finished imports (the new image holds everything it needs, and the ledger makes repeats harmless); TTL on
     * {@link #IMPORTS_TTL_ATTRIBUTE}.
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

    /**
     * {@code InventoryStores}, the store registry: {@code store_id}; three indexes on the constant
     * {@link StoresTable#REGISTRY} partition that project only what the overview and the store list show, so a
     * change of any other attribute writes no index item.
     */
    public static CreateTableRequest stores(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(StoresTable.STORE_ID),
                        stringAttribute(StoresTable.REGISTRY),
                        numberAttribute(StoresTable.OUT_OF_STOCK),
                        stringAttribute(StoresTable.LAST_IMPORT_AT))
                .keySchema(key(StoresTable.STORE_ID, KeyType.HASH))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(StoresTable.BY_STORE_INDEX)
                                .keySchema(key(StoresTable.REGISTRY, KeyType.HASH),
                                        key(StoresTable.STORE_ID, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(overviewAttributesBesides(StoresTable.STORE_ID)))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(StoresTable.BY_OUT_OF_STOCK_INDEX)
                                .keySchema(key(StoresTable.REGISTRY, KeyType.HASH),
                                        key(StoresTable.OUT_OF_STOCK, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(overviewAttributesBesides(StoresTable.OUT_OF_STOCK)))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(StoresTable.BY_LAST_IMPORT_INDEX)
                                .keySchema(key(StoresTable.REGISTRY, KeyType.HASH),
                                        key(StoresTable.LAST_IMPORT_AT, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(overviewAttributesBesides(StoresTable.LAST_IMPORT_AT)))
                                .build())
                .build();
    }

    /**
     * {@code InventoryItemStates}: {@code store_id} + {@code item_id}; the sparse keys-only index of items expected
     * to run out soon, by expected stock-out.
     */
    public static CreateTableRequest itemStates(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(ItemStatesTable.STORE_ID),
                        stringAttribute(ItemStatesTable.ITEM_ID),
                        stringAttribute(ItemStatesTable.AT_RISK_OUT_AT))
                .keySchema(key(ItemStatesTable.STORE_ID, KeyType.HASH), key(ItemStatesTable.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(ItemStatesTable.AT_RISK_INDEX)
                        .keySchema(key(ItemStatesTable.STORE_ID, KeyType.HASH),
                                key(ItemStatesTable.AT_RISK_OUT_AT, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build())
                .build();
    }

    /** {@code InventorySearch}: {@code store_id} + {@code token_key}. */
    public static CreateTableRequest search(String tableName) {
        return keyedTable(tableName, SearchTokensTable.STORE_ID, SearchTokensTable.TOKEN_KEY);
    }

    /** Every table, named as configured. */
    public static List<CreateTableRequest> all(TableNames names) {
        return List.of(inventory(names.inventory()), imports(names.imports()), alerts(names.alerts()),
                stores(names.stores()), itemStates(names.itemStates()), search(names.search()));
    }

    private static CreateTableRequest keyedTable(String tableName, String partitionKey, String sortKey) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(partitionKey), stringAttribute(sortKey))
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    /** The overview's attributes an index projects: all but its own sort key, which every index holds anyway. */
    private static List<String> overviewAttributesBesides(String sortKey) {
        return StoresTable.OVERVIEW_ATTRIBUTES.stream().filter(a -> !a.equals(sortKey)).toList();
    }

    private static AttributeDefinition numberAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
