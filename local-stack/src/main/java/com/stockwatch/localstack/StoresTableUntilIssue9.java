package com.stockwatch.localstack;

import com.stockwatch.inventory.StoresTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The store registry {@code InventoryStores} with the key and index names {@link StoresTable} documents, which the
 * notifier writes (last import, staleness). Issue 9 brings its schema as {@code TableSchemas.stores}; at the merge this
 * class gives way to it.
 */
final class StoresTableUntilIssue9 {

    private StoresTableUntilIssue9() {
    }

    static CreateTableRequest schema() {
        return CreateTableRequest.builder().tableName("InventoryStores").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(StoresTable.STORE_ID, ScalarAttributeType.S),
                        attribute(StoresTable.REGISTRY, ScalarAttributeType.S),
                        attribute(StoresTable.LAST_IMPORT_AT, ScalarAttributeType.S))
                .keySchema(key(StoresTable.STORE_ID, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(StoresTable.BY_LAST_IMPORT_INDEX)
                        .keySchema(key(StoresTable.REGISTRY, KeyType.HASH), key(StoresTable.LAST_IMPORT_AT, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
