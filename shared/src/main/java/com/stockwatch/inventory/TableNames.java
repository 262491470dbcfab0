package com.stockwatch.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Names of the DynamoDB tables; Terraform sets them per environment through {@code INVENTORY_TABLES_*}. */
@ConfigMapping(prefix = "inventory.tables")
public interface TableNames {

    /** Table of item stock levels. */
    @WithDefault("Inventory")
    String inventory();

    /** Table of import records, one per processed file. */
    @WithDefault("InventoryImports")
    String imports();

    /** Table of raised stock alerts. */
    @WithDefault("InventoryAlerts")
    String alerts();

    /** The store registry: one item per store with its stock summary and last import ({@link StoresTable}). */
    @WithDefault("InventoryStores")
    String stores();

    /** Per item, the status it is counted as in its store's summary ({@link ItemStatesTable}). */
    @WithDefault("InventoryItemStates")
    String itemStates();

    /** The name-token search index ({@link SearchTokensTable}). */
    @WithDefault("InventorySearch")
    String search();
}
