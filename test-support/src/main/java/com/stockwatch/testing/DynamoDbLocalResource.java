package com.stockwatch.testing;

import java.util.Map;

import com.stockwatch.inventory.TableSchemas;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local for a {@code @QuarkusTest}: every table created fresh (empty) from {@link TableSchemas} under
 * their default names, and the application's {@code inventory.aws.*} settings pointed at it.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    public static final String INVENTORY = "Inventory";
    public static final String IMPORTS = "InventoryImports";
    public static final String ALERTS = "InventoryAlerts";
    public static final String STORES = "InventoryStores";
    public static final String ITEM_STATES = "InventoryItemStates";
    public static final String SEARCH = "InventorySearch";

    @Override
    public Map<String, String> start() {
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient()) {
            recreateTables(dynamoDb);
        }
        return Map.of(
                "inventory.aws.dynamodb-endpoint", Emulators.dynamoDbEndpoint().toString(),
                "inventory.aws.region", Emulators.REGION,
                "inventory.aws.access-key-id", Emulators.ACCESS_KEY_ID,
                "inventory.aws.secret-access-key", Emulators.SECRET_ACCESS_KEY,
                "inventory.tables.inventory", INVENTORY,
                "inventory.tables.imports", IMPORTS,
                "inventory.tables.alerts", ALERTS,
                "inventory.tables.stores", STORES,
                "inventory.tables.item-states", ITEM_STATES,
                "inventory.tables.search", SEARCH);
    }

    @Override
    public void stop() {
        // The emulator is shared by every test class of this JVM and stops with it.
    }

    /** Drops and creates every table, so each test class starts from empty tables. */
    public static void recreateTables(DynamoDbClient dynamoDb) {
        for (CreateTableRequest table : new CreateTableRequest[] {
                TableSchemas.inventory(INVENTORY), TableSchemas.imports(IMPORTS), TableSchemas.alerts(ALERTS),
                TableSchemas.stores(STORES), TableSchemas.itemStates(ITEM_STATES), TableSchemas.search(SEARCH) }) {
            try {
                dynamoDb.deleteTable(b -> b.tableName(table.tableName()));
            } catch (ResourceNotFoundException absent) {
                // First start: nothing to drop.
            }
            dynamoDb.createTable(table);
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
        }
    }
}
