package com.stockwatch.notifier.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.stockwatch.inventory.InventoryTable;
import com.stockwatch.inventory.SearchTokensTable;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.notifier.alert.StreamRecordReader;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Keeps the name-token index {@code InventorySearch} in step with {@code Inventory}'s stream. Only a new item, a
 * renamed item or a deleted item writes: its token rows are put (all of them on a rename, since each row carries the
 * name) and the tokens it lost are deleted. Puts and deletes of whole rows are idempotent, and a retried batch
 * repeats them in stream order, so redelivery cannot leave the index different from the table.
 */
@ApplicationScoped
public class SearchIndexConsumer {

    private static final Logger LOG = Logger.getLogger(SearchIndexConsumer.class);
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public SearchIndexConsumer(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    private record Write(int index, String key, WriteRequest request) {
    }

    /**
     * Applies the records' token changes in order.
     *
     * @return the index of the first record whose changes are not all written, empty when all are
     */
    public Optional<Integer> apply(List<DynamodbStreamRecord> records) {
        List<Write> batch = new ArrayList<>(BATCH_WRITE_LIMIT);
        Set<String> keysInBatch = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            List<Write> writes;
            try {
                writes = writes(i, records.get(i));
            } catch (RuntimeException e) {
                LOG.warnf("Search index: skipping malformed stream record %s: %s",
                        StreamRecordReader.describeKeys(records.get(i)), e.getMessage());
                continue;
            }
            for (Write write : writes) {
                if (batch.size() == BATCH_WRITE_LIMIT || keysInBatch.contains(write.key())) {
                    if (!flush(batch)) {
                        return Optional.of(batch.get(0).index());
                    }
                    batch.clear();
                    keysInBatch.clear();
                }
                batch.add(write);
                keysInBatch.add(write.key());
            }
        }
        if (!batch.isEmpty() && !flush(batch)) {
            return Optional.of(batch.get(0).index());
        }
        return Optional.empty();
    }

    /** The token rows one record puts and deletes. */
    static List<Write> writes(int index, DynamodbStreamRecord record) {
        String event = record.getEventName();
        if (!"INSERT".equals(event) && !"MODIFY".equals(event) && !"REMOVE".equals(event)) {
            return List.of();
        }
        StreamRecord stream = record.getDynamodb();
        if (stream == null || stream.getKeys() == null) {
            throw new IllegalArgumentException("record has no keys");
        }
        String store = string(stream.getKeys(), InventoryTable.STORE_ID);
        String itemId = string(stream.getKeys(), InventoryTable.ITEM_ID);
        String oldName = "INSERT".equals(event) ? null : name(stream.getOldImage(), itemId, "OldImage");
        String newName = "REMOVE".equals(event) ? null : name(stream.getNewImage(), itemId, "NewImage");
        if (oldName != null && oldName.equals(newName)) {
            return List.of();
        }
        Set<String> oldTokens = oldName == null ? Set.of() : SearchTokensTable.tokens(itemId, oldName);
        Set<String> newTokens = newName == null ? Set.of() : SearchTokensTable.tokens(itemId, newName);
        List<Write> writes = new ArrayList<>();
        for (String token : oldTokens) {
            if (!newTokens.contains(token)) {
                String key = SearchTokensTable.tokenKey(token, itemId);
                writes.add(new Write(index, key, WriteRequest.builder().deleteRequest(d -> d.key(Map.of(
                        SearchTokensTable.STORE_ID, AttributeValue.fromS(store),
                        SearchTokensTable.TOKEN_KEY, AttributeValue.fromS(key)))).build()));
            }
        }
        for (String token : newTokens) {
            String key = SearchTokensTable.tokenKey(token, itemId);
            writes.add(new Write(index, key, WriteRequest.builder().putRequest(p -> p.item(
                    row(store, itemId, newName, token))).build()));
        }
        return writes;
    }

    /** The index row of one token of an item. */
    public static Map<String, AttributeValue> row(String store, String itemId, String itemName, String token) {
        return Map.of(SearchTokensTable.STORE_ID, AttributeValue.fromS(store),
                SearchTokensTable.TOKEN_KEY, AttributeValue.fromS(SearchTokensTable.tokenKey(token, itemId)),
                SearchTokensTable.ITEM_ID, AttributeValue.fromS(itemId),
                SearchTokensTable.ITEM_NAME, AttributeValue.fromS(itemName));
    }

    private boolean flush(List<Write> batch) {
        List<WriteRequest> pending = batch.stream().map(Write::request).toList();
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            try {
                List<WriteRequest> current = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(
                        b -> b.requestItems(Map.of(tables.search(), current)));
                pending = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(tables.search(), List.of())
                        : List.of();
                if (!pending.isEmpty()) {
                    Thread.sleep(Math.min(1000L, 25L << attempt));
                }
            } catch (SdkException e) {
                LOG.errorf(e, "Search index: cannot write %d token row(s); retried from record %d", pending.size(),
                        batch.get(0).index());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (!pending.isEmpty()) {
            LOG.errorf("Search index: %d token row(s) still unprocessed; retried from record %d", pending.size(),
                    batch.get(0).index());
            return false;
        }
        return true;
    }

    private static String name(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image,
            String itemId, String imageName) {
        if (image == null) {
            throw new IllegalArgumentException("record has no " + imageName + " (the stream must be NEW_AND_OLD_IMAGES)");
        }
        var name = image.get(InventoryTable.ITEM_NAME);
        return name == null || name.getS() == null || name.getS().isBlank() ? itemId : name.getS();
    }

    private static String string(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> keys,
            String name) {
        var value = keys.get(name);
        if (value == null || value.getS() == null || value.getS().isEmpty()) {
            throw new IllegalArgumentException("key " + name + " is missing");
        }
        return value.getS();
    }
}
