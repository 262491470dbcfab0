package com.stockwatch.loader.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.Timestamps;
import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stores import records. A record is written once per file event: a replay of the same event (same time, same key,
 * same sort key) keeps the first final record, except that a FAILED record is replaced by the retry's outcome.
 */
@ApplicationScoped
public class ImportRecords {

    /** Rows skipped because a later row lists the same item (loader-specific counter). */
    public static final String ROWS_SUPERSEDED = "rows_superseded";

    private static final Logger LOG = Logger.getLogger(ImportRecords.class);

    private final DynamoDbAsyncClient dynamo;
    private final TableNames tables;

    public ImportRecords(DynamoDbAsyncClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    public void save(ImportResult result) {
        try {
            dynamo.putItem(b -> b.tableName(tables.imports())
                    .item(toAttributes(result))
                    .conditionExpression("attribute_not_exists(#id) OR #status = :failed")
                    .expressionAttributeNames(Map.of("#id", ImportsTable.IMPORT_ID, "#status", ImportsTable.STATUS))
                    .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS(ImportStatus.FAILED.name()))))
                    .join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException) {
                LOG.infof("Import %s was already recorded; keeping the first record", result.importId());
                return;
            }
            throw e;
        }
    }

    static Map<String, AttributeValue> toAttributes(ImportResult result) {
        Map<String, AttributeValue> item = new HashMap<>(24);
        item.put(ImportsTable.STORE_ID, s(result.storeId()));
        item.put(ImportsTable.IMPORT_ID, s(result.importId()));
        item.put(ImportsTable.STATUS, s(result.status().name()));
        item.put(ImportsTable.BUCKET, s(result.bucket()));
        item.put(ImportsTable.OBJECT_KEY, s(result.objectKey()));
        item.put(ImportsTable.FILE_TIME, s(Timestamps.format(result.fileTime())));
        item.put(ImportsTable.STARTED_AT, s(Timestamps.format(result.startedAt())));
        item.put(ImportsTable.DURATION_MS, n(result.durationMs()));
        item.put(ImportsTable.ROWS_READ, n(result.rowsRead()));
        item.put(ImportsTable.ROWS_WRITTEN, n(result.rowsWritten()));
        item.put(ImportsTable.ROWS_UNCHANGED, n(result.rowsUnchanged()));
        item.put(ImportsTable.ROWS_STALE, n(result.rowsStale()));
        item.put(ImportsTable.ROWS_REJECTED, n(result.rowsRejected()));
        item.put(ImportsTable.ROWS_FAILED, n(result.rowsFailed()));
        item.put(ROWS_SUPERSEDED, n(result.rowsSuperseded()));
        result.reason().ifPresent(reason -> item.put(ImportsTable.REASON, s(reason)));
        List<AttributeValue> errors = result.errors().stream()
                .map(error -> AttributeValue.fromM(Map.of(
                        ImportsTable.ERROR_ROW, n(error.row()),
                        ImportsTable.ERROR_FIELD, s(error.field()),
                        ImportsTable.ERROR_REASON, s(error.reason()))))
                .toList();
        item.put(ImportsTable.ERRORS, AttributeValue.fromL(errors));
        item.put(ImportsTable.WARNINGS, AttributeValue.fromL(result.warnings().stream().map(ImportRecords::s).toList()));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
