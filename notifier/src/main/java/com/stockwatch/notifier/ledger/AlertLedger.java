package com.stockwatch.notifier.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.notifier.alert.Alert;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The alert records in {@code InventoryAlerts}, which are also the de-duplication guard.
 * <p>
 * Before an alert is published it is <em>claimed</em>: a conditional PutItem of its record with
 * {@code delivery = PENDING} and the stream record's {@code event_id}. The record's key
 * ({@code store_id}, {@code <time>#<item_id>#<type>}) is the same every time Lambda delivers the stream record again,
 * so the condition ({@code attribute_not_exists(alert_id) OR (event_id = :event AND delivery = PENDING)}) lets a
 * claim through only when the alert was never claimed, or when this very stream record claimed it before without
 * getting it out (publish failed, or the function died). After SNS accepted the message the record is marked
 * {@link Delivery#SENT} or {@link Delivery#DIGEST}; from then on every further delivery of the stream record is
 * refused at the claim and notifies nobody.
 */
public class AlertLedger {

    /** S: SNS message id of the notification that carried the alert (extra attribute, not in the shared model). */
    public static final String MESSAGE_ID = "message_id";
    /** S: ISO-8601 instant SNS accepted the notification (extra attribute, not in the shared model). */
    public static final String DELIVERED_AT = "delivered_at";

    private static final String CLAIM_CONDITION = "attribute_not_exists(#alertId) OR (#eventId = :eventId AND "
            + "#delivery = :pending)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public AlertLedger(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    /**
     * Claims {@code alert} for publishing.
     *
     * @return {@code true} when this delivery must publish the alert; {@code false} when it went out before
     *         (a repeated stream record) and must not be published again
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB fails (the record must be retried)
     */
    public boolean claim(Alert alert, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AlertsTable.STORE_ID, s(alert.storeId()));
        item.put(AlertsTable.ALERT_ID, s(alert.alertId()));
        item.put(AlertsTable.ITEM_ID, s(alert.itemId()));
        item.put(AlertsTable.ITEM_NAME, s(alert.itemName()));
        item.put(AlertsTable.ALERT_TYPE, s(alert.type().name()));
        alert.oldLevel().ifPresent(level -> item.put(AlertsTable.OLD_LEVEL, n(level)));
        item.put(AlertsTable.NEW_LEVEL, n(alert.newLevel()));
        item.put(AlertsTable.OCCURRED_AT, s(alert.occurredAt().toString()));
        item.put(AlertsTable.EVENT_ID, s(alert.eventId()));
        item.put(AlertsTable.DELIVERY, s(Delivery.PENDING.name()));
        item.put(AlertsTable.EXPIRES_AT, n(now.plus(retention).getEpochSecond()));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(Map.of("#alertId", AlertsTable.ALERT_ID,
                            "#eventId", AlertsTable.EVENT_ID, "#delivery", AlertsTable.DELIVERY))
                    .expressionAttributeValues(Map.of(":eventId", s(alert.eventId()),
                            ":pending", s(Delivery.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyDone) {
            return false;
        }
    }

    /**
     * Records that SNS accepted the alert's notification.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB fails
     */
    public void delivered(Alert alert, Delivery delivery, String messageId, Instant now) {
        dynamoDb.updateItem(b -> b.tableName(tableName)
                .key(Map.of(AlertsTable.STORE_ID, s(alert.storeId()), AlertsTable.ALERT_ID, s(alert.alertId())))
                .updateExpression("SET #delivery = :delivery, #messageId = :messageId, #deliveredAt = :deliveredAt")
                .conditionExpression("#eventId = :eventId")
                .expressionAttributeNames(Map.of("#delivery", AlertsTable.DELIVERY, "#messageId", MESSAGE_ID,
                        "#deliveredAt", DELIVERED_AT, "#eventId", AlertsTable.EVENT_ID))
                .expressionAttributeValues(Map.of(":delivery", s(delivery.name()), ":messageId", s(messageId),
                        ":deliveredAt", s(now.toString()), ":eventId", s(alert.eventId()))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
