package com.stockwatch.loader.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockwatch.inventory.InventoryItem;
import com.stockwatch.loader.parse.ParsedRow;
import com.stockwatch.loader.parse.RowError;

class RowValidatorTest {

    private static final Instant FILE_TIME = Instant.parse("2026-11-25T07:00:00.250Z");
    private static final FileContext IN_FOLDER_0042 = new FileContext(Optional.of("0042"), Optional.empty(), FILE_TIME,
            "s3://bucket/0042/stock.csv");
    private static final FileContext AT_ROOT = new FileContext(Optional.empty(), Optional.empty(), FILE_TIME,
            "s3://bucket/stock.csv");

    @Test
    void aCompleteRowBecomesAnItemOfTheFolderStoreAtTheFileTime() {
        ValidatedRow row = validate(IN_FOLDER_0042, "item_id", "A-100", "item_name", "Milk", "inventory_level", "12",
                "low_stock_threshold", "4");

        assertThat(row.item()).isEqualTo(new InventoryItem("0042", "A-100", "Milk", 12, FILE_TIME, OptionalInt.of(4),
                "s3://bucket/0042/stock.csv"));
    }

    @Test
    void theItemNameDefaultsToTheItemId() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "A-100", "inventory_level", "0").item().itemName())
                .isEqualTo("A-100");
    }

    @Test
    void levelsFromZeroToOneBillionAreAccepted() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "inventory_level", "1000000000").item().inventoryLevel())
                .isEqualTo(1_000_000_000L);
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "inventory_level", "007").item().inventoryLevel())
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "12abc", "1000000001", "99999999999999999999", "1e3", "+5", " ", "12 000"})
    void aLevelThatIsNotAWholeNumberInRangeIsRejected(String level) {
        ValidatedRow row = validate(IN_FOLDER_0042, "item_id", "A", "inventory_level", level);

        assertThat(row.valid()).isFalse();
        assertThat(row.errors()).extracting(RowError::field).containsExactly("inventory_level");
    }

    @Test
    void theLevelErrorQuotesTheValueForTheClerk() {
        ValidatedRow row = validate(7, IN_FOLDER_0042, "item_id", "A", "inventory_level", "12abc");

        assertThat(row.errors()).extracting(RowError::toString).containsExactly(
                "Row 7, inventory_level: must be a whole number from 0 to 1,000,000,000 (got \"12abc\")");
    }

    @Test
    void anEmptyLevelIsRequired() {
        assertThat(validate(3, IN_FOLDER_0042, "item_id", "A", "inventory_level", "").errors())
                .extracting(RowError::toString)
                .containsExactly("Row 3, inventory_level: is required: a whole number from 0 to 1,000,000,000");
    }

    @Test
    void aMissingItemIdIsRequired() {
        assertThat(validate(4, IN_FOLDER_0042, "inventory_level", "1").errors()).extracting(RowError::toString)
                .containsExactly("Row 4, item_id: is required");
    }

    @Test
    void anItemIdOfMoreThan256Utf8BytesIsRejected() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "x".repeat(256), "inventory_level", "1").valid()).isTrue();
        assertThat(validate(5, IN_FOLDER_0042, "item_id", "\u00e9".repeat(129), "inventory_level", "1").errors())
                .extracting(RowError::toString)
                .containsExactly("Row 5, item_id: must be at most 256 bytes long (got 258 bytes)");
    }

    @Test
    void anItemIdWithControlCharactersIsRejected() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "A\u0000B", "inventory_level", "1").errors())
                .extracting(RowError::reason).containsExactly(RowProblems.CONTROL_CHARACTERS);
        assertThat(validate(IN_FOLDER_0042, "item_id", "A\tB", "inventory_level", "1").valid()).isFalse();
    }

    @Test
    void anItemNameWithControlCharactersIsRejectedWithItsRowAndField() {
        assertThat(validate(7, IN_FOLDER_0042, "item_id", "A", "item_name", "Blue\nmug", "inventory_level", "1")
                .errors()).extracting(RowError::toString)
                .containsExactly("Row 7, item_name: " + RowProblems.CONTROL_CHARACTERS);
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "item_name", "Bell\u0007", "inventory_level", "1").valid())
                .isFalse();
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "item_name", "Caf\u00e9 cr\u00e8me \uD83C\uDF6E",
                "inventory_level", "1").valid()).isTrue();
    }

    @Test
    void anItemNameOfMoreThan1024CharactersIsRejected() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "item_name", "n".repeat(1024), "inventory_level", "1")
                .valid()).isTrue();
        assertThat(validate(2, IN_FOLDER_0042, "item_id", "A", "item_name", "n".repeat(1500), "inventory_level", "1")
                .errors()).extracting(RowError::toString)
                .containsExactly("Row 2, item_name: must be at most 1,024 characters long (got 1,500)");
    }

    @Test
    void aThresholdThatIsNotAWholeNumberIsRejected() {
        assertThat(validate(IN_FOLDER_0042, "item_id", "A", "inventory_level", "1", "low_stock_threshold", "-2")
                .errors()).extracting(RowError::field).containsExactly("low_stock_threshold");
    }

    @Test
    void everyFaultyFieldOfARowIsReported() {
        assertThat(validate(IN_FOLDER_0042, "item_name", "n", "inventory_level", "x").errors())
                .extracting(RowError::field).containsExactly("item_id", "inventory_level");
    }

    @Test
    void aRowOfAnotherStoreThanTheFolderIsRejected() {
        assertThat(validate(9, IN_FOLDER_0042, "store_id", "0043", "item_id", "A", "inventory_level", "1").errors())
                .extracting(RowError::toString)
                .containsExactly("Row 9, store_id: is \"0043\" but the file is in the folder of store \"0042\"");
        assertThat(validate(IN_FOLDER_0042, "store_id", "0042", "item_id", "A", "inventory_level", "1").valid())
                .isTrue();
    }

    @Test
    void aRowOfAFileAtTheBucketRootNeedsAStore() {
        assertThat(validate(2, AT_ROOT, "item_id", "A", "inventory_level", "1").errors())
                .extracting(RowError::toString)
                .containsExactly("Row 2, store_id: is required because the file is not in a store's folder");
        assertThat(validate(AT_ROOT, "store_id", "0042", "item_id", "A", "inventory_level", "1").item().storeId())
                .isEqualTo("0042");
    }

    @Test
    void aStoreIdTheDashboardCouldNeverShowIsRefusedWithTheRule() {
        assertThat(validate(5, AT_ROOT, "store_id", "Berlin Mitte", "item_id", "A", "inventory_level", "1").errors())
                .extracting(RowError::toString)
                .containsExactly("Row 5, store_id: is \"Berlin Mitte\", which is not a store id: a store id must be 1"
                        + " to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        assertThat(validate(AT_ROOT, "store_id", "s".repeat(129), "item_id", "A", "inventory_level", "1").valid())
                .isFalse();
    }

    @Test
    void theStoreDeclaredByTheFileAppliesToRowsWithoutOne() {
        FileContext declared = new FileContext(Optional.empty(), Optional.of("0042"), FILE_TIME, "s3://b/s.json");

        assertThat(validate(declared, "item_id", "A", "inventory_level", "1").item().storeId()).isEqualTo("0042");
    }

    @Test
    void anUnreadableRowKeepsItsError() {
        ValidatedRow row = RowValidator.validate(ParsedRow.unreadable(4, "is not an item"), IN_FOLDER_0042);

        assertThat(row.errors()).extracting(RowError::toString).containsExactly("Row 4: is not an item");
    }

    private static ValidatedRow validate(FileContext file, String... columnsAndValues) {
        return validate(2, file, columnsAndValues);
    }

    private static ValidatedRow validate(long rowNumber, FileContext file, String... columnsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1].strip());
        }
        return RowValidator.validate(ParsedRow.of(rowNumber, values), file);
    }
}
