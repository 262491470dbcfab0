package com.stockwatch.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;

class StreamRecordReaderTest {

    static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    static AttributeValue n(String value) {
        return new AttributeValue().withN(value);
    }

    static Map<String, AttributeValue> image(String level) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("store_id", s("12"));
        image.put("item_id", s("SKU-1"));
        image.put("item_name", s("Blue mug"));
        image.put("inventory_level", n(level));
        image.put("last_updated", s("2026-11-25T07:00:00Z"));
        return image;
    }

    static DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        StreamRecord stream = new StreamRecord()
                .withKeys(Map.of("store_id", s("12"), "item_id", s("SKU-1")))
                .withSequenceNumber("4421584500000000017450439091")
                .withApproximateCreationDateTime(Date.from(Instant.parse("2026-11-25T07:00:01Z")))
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_AND_OLD_IMAGES);
        stream.setOldImage(oldImage);
        stream.setNewImage(newImage);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID("c4ca4238a0b923820dcc509a6f75849b");
        record.setEventName(eventName);
        record.setDynamodb(stream);
        return record;
    }

    @Test
    void modifyCarriesBothLevelsAndTheItemTime() {
        StockChange change = StreamRecordReader.read(record("MODIFY", image("3"), image("0"))).orElseThrow();
        assertThat(change.storeId()).isEqualTo("12");
        assertThat(change.itemId()).isEqualTo("SKU-1");
        assertThat(change.itemName()).isEqualTo("Blue mug");
        assertThat(change.oldLevel()).isEqualTo(OptionalLong.of(3));
        assertThat(change.newLevel()).isZero();
        assertThat(change.lowStockThreshold()).isEqualTo(OptionalInt.empty());
        assertThat(change.occurredAt()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(change.eventId()).isEqualTo("c4ca4238a0b923820dcc509a6f75849b");
        assertThat(change.sequenceNumber()).isEqualTo("4421584500000000017450439091");
    }

    @Test
    void insertHasNoOldLevel() {
        StockChange change = StreamRecordReader.read(record("INSERT", null, image("0"))).orElseThrow();
        assertThat(change.isNewItem()).isTrue();
    }

    @Test
    void removeIsIgnored() {
        assertThat(StreamRecordReader.read(record("REMOVE", image("3"), null))).isEmpty();
    }

    @Test
    void nameOnlyChangeReadsAsUnchangedLevel() {
        Map<String, AttributeValue> renamed = image("6");
        renamed.put("item_name", s("Blue mug, large"));
        StockChange change = StreamRecordReader.read(record("MODIFY", image("6"), renamed)).orElseThrow();
        assertThat(new AlertClassifier(5, true).classify(change)).isEmpty();
    }

    @Test
    void itemsOwnThresholdIsRead() {
        Map<String, AttributeValue> newImage = image("8");
        newImage.put("low_stock_threshold", n("10"));
        assertThat(StreamRecordReader.read(record("MODIFY", image("20"), newImage)).orElseThrow().lowStockThreshold())
                .isEqualTo(OptionalInt.of(10));
    }

    @Test
    void missingNameFallsBackToTheItemId() {
        Map<String, AttributeValue> newImage = image("0");
        newImage.remove("item_name");
        assertThat(StreamRecordReader.read(record("MODIFY", image("3"), newImage)).orElseThrow().itemName())
                .isEqualTo("SKU-1");
    }

    @Test
    void missingLastUpdatedFallsBackToTheRecordTime() {
        Map<String, AttributeValue> newImage = image("0");
        newImage.remove("last_updated");
        assertThat(StreamRecordReader.read(record("MODIFY", image("3"), newImage)).orElseThrow().occurredAt())
                .isEqualTo(Instant.parse("2026-11-25T07:00:01Z"));
    }

    @Test
    void nonNumericLevelIsMalformed() {
        DynamodbStreamRecord record = record("MODIFY", image("3"), image("12abc"));
        assertThatThrownBy(() -> StreamRecordReader.read(record))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("NewImage.inventory_level is not a whole number: 12abc");
    }

    @Test
    void missingLevelIsMalformed() {
        Map<String, AttributeValue> oldImage = image("3");
        oldImage.remove("inventory_level");
        assertThatThrownBy(() -> StreamRecordReader.read(record("MODIFY", oldImage, image("0"))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("OldImage.inventory_level is missing");
    }

    @Test
    void missingKeysAreMalformed() {
        Map<String, AttributeValue> newImage = image("0");
        newImage.remove("item_id");
        DynamodbStreamRecord record = record("MODIFY", image("3"), newImage);
        record.getDynamodb().setKeys(Map.of("store_id", s("12")));
        assertThatThrownBy(() -> StreamRecordReader.read(record))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("key item_id is missing");
    }

    @Test
    void modifyWithoutOldImageIsMalformed() {
        assertThatThrownBy(() -> StreamRecordReader.read(record("MODIFY", null, image("0"))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("OldImage");
    }

    @Test
    void keysAreDescribedForTheLog() {
        assertThat(StreamRecordReader.describeKeys(record("MODIFY", image("3"), image("x"))))
                .isEqualTo("eventID=c4ca4238a0b923820dcc509a6f75849b eventName=MODIFY "
                        + "sequenceNumber=4421584500000000017450439091 keys={item_id=SKU-1;store_id=12;}");
    }
}
