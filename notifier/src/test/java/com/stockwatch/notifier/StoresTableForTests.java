package com.stockwatch.notifier;

import com.stockwatch.inventory.StoresTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The store registry {@code InventoryStores} with the key and index names {@link StoresTable} documents, until its
 * schema ({@code TableSchemas.stores}, issue 9) lands; then this helper gives way to it.
 */
final class StoresTableForTests {

    static final String NAME = "InventoryStores";

    private StoresTableForTests() {
    }

    static void recreate(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.deleteTable(b -> b.tableName(NAME));
        } catch (ResourceNotFoundException absent) {
            // first run
        }
        dynamoDb.createTable(b -> b.tableName(NAME).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(StoresTable.STORE_ID, ScalarAttributeType.S),
                        attribute(StoresTable.REGISTRY, ScalarAttributeType.S),
                        attribute(StoresTable.LAST_IMPORT_AT, ScalarAttributeType.S),
                        attribute(StoresTable.OUT_OF_STOCK, ScalarAttributeType.N))
                .keySchema(key(StoresTable.STORE_ID, KeyType.HASH))
                .globalSecondaryIndexes(index(StoresTable.BY_STORE_INDEX, StoresTable.STORE_ID),
                        index(StoresTable.BY_OUT_OF_STOCK_INDEX, StoresTable.OUT_OF_STOCK),
                        index(StoresTable.BY_LAST_IMPORT_INDEX, StoresTable.LAST_IMPORT_AT)));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(NAME));
    }

    private static GlobalSecondaryIndex index(String name, String sortKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(StoresTable.REGISTRY, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
