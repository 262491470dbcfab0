package com.stockwatch.dashboard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.stockwatch.dashboard.DashboardConfig;
import com.stockwatch.inventory.ImportsTable;
import com.stockwatch.inventory.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Recent import records of a store, newest first (the sort key starts with the start time). */
@ApplicationScoped
public class ImportsService {

    /** Pages of {@link DashboardConfig#importsPageSize()} records searched for one file's imports. */
    static final int MAX_FOLLOW_PAGES = 50;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DashboardConfig config;

    public ImportsService(DynamoDbClient dynamoDb, TableNames tables, DashboardConfig config) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.config = config;
    }

    /**
     * The newest {@link DashboardConfig#importsPageSize()} imports; with {@code objectKey}, only the imports of that
     * file (the upload page follows its file this way).
     */
    public List<ImportView> recent(String store, Optional<String> objectKey) {
        if (objectKey.isPresent()) {
            return importsOf(store, objectKey.get());
        }
        QueryResponse response = dynamoDb.query(b -> b.tableName(tables.imports())
                .keyConditionExpression("#store = :store")
                .expressionAttributeNames(Map.of("#store", ImportsTable.STORE_ID))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store)))
                .scanIndexForward(false)
                .limit(config.importsPageSize()));
        List<ImportView> imports = new ArrayList<>(response.count());
        response.items().forEach(item -> imports.add(view(item)));
        return imports;
    }

    /**
     * The imports of one file, newest first. DynamoDB applies a query's limit before its filter, so this pages on,
     * newest first, until a page has a match: however many other files were imported since, a fresh upload is found
     * (bounded by {@link #MAX_FOLLOW_PAGES}).
     */
    private List<ImportView> importsOf(String store, String objectKey) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tables.imports())
                .keyConditionExpression("#store = :store")
                .filterExpression("#key = :key")
                .expressionAttributeNames(Map.of("#store", ImportsTable.STORE_ID, "#key", ImportsTable.OBJECT_KEY))
                .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store),
                        ":key", AttributeValue.fromS(objectKey)))
                .scanIndexForward(false)
                .limit(config.importsPageSize())
                .build();
        List<ImportView> imports = new ArrayList<>();
        int pages = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(request)) {
            page.items().forEach(item -> imports.add(view(item)));
            if (!imports.isEmpty() || ++pages >= MAX_FOLLOW_PAGES) {
                break;
            }
        }
        return imports;
    }

    static ImportView view(Map<String, AttributeValue> item) {
        List<ImportView.RowError> errors = new ArrayList<>();
        AttributeValue errorList = item.get(ImportsTable.ERRORS);
        if (errorList != null && errorList.hasL()) {
            for (AttributeValue error : errorList.l()) {
                if (error.hasM()) {
                    Map<String, AttributeValue> m = error.m();
                    errors.add(new ImportView.RowError(number(m, ImportsTable.ERROR_ROW),
                            string(m, ImportsTable.ERROR_FIELD), string(m, ImportsTable.ERROR_REASON)));
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        AttributeValue warningList = item.get(ImportsTable.WARNINGS);
        if (warningList != null && warningList.hasL()) {
            warningList.l().stream().map(AttributeValue::s).filter(s -> s != null).forEach(warnings::add);
        } else if (warningList != null && warningList.hasSs()) {
            warnings.addAll(warningList.ss());
        }
        String importId = string(item, ImportsTable.IMPORT_ID);
        String objectKey = string(item, ImportsTable.OBJECT_KEY);
        if (objectKey.isEmpty() && importId.indexOf('#') >= 0) {
            objectKey = importId.substring(importId.indexOf('#') + 1);
        }
        return new ImportView(importId, objectKey, string(item, ImportsTable.STATUS),
                string(item, ImportsTable.STARTED_AT), string(item, ImportsTable.FILE_TIME),
                number(item, ImportsTable.DURATION_MS),
                count(item, ImportsTable.ROWS_READ), count(item, ImportsTable.ROWS_WRITTEN),
                count(item, ImportsTable.ROWS_UNCHANGED), count(item, ImportsTable.ROWS_STALE),
                count(item, ImportsTable.ROWS_REJECTED), count(item, ImportsTable.ROWS_FAILED),
                string(item, ImportsTable.REASON), errors, warnings,
                count(item, ImportsTable.ROWS_TOTAL), count(item, ImportsTable.BYTES_READ),
                count(item, ImportsTable.BYTES_TOTAL), string(item, ImportsTable.UPDATED_AT));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return null;
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        Long value = number(item, name);
        return value == null ? 0 : value;
    }
}
