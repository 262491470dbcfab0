package com.stockwatch.notifier;

import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.testing.DynamoDbLocalResource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Empties the store registry between tests: drops it and creates it again from {@link TableSchemas#stores}. */
final class StoresTableForTests {

    static final String NAME = DynamoDbLocalResource.STORES;

    private StoresTableForTests() {
    }

    static void recreate(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.deleteTable(b -> b.tableName(NAME));
            dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(NAME));
        } catch (ResourceNotFoundException absent) {
            // first run
        }
        dynamoDb.createTable(TableSchemas.stores(NAME));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(NAME));
    }
}
