package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonRowReaderTest {

    @Test
    void anArrayOfObjectsIsReadWithPositionsAsRowNumbers() {
        List<ParsedRow> rows = Rows.read("0042/stock.json", """
                [ {"item_id": "A-100", "item_name": "Whole milk 1L", "inventory_level": 12, "low_stock_threshold": 4},
                  {"item_id": "B-200", "inventory_level": "0"} ]
                """);

        assertThat(rows).extracting(ParsedRow::row).containsExactly(1L, 2L);
        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A-100", "item_name", "Whole milk 1L",
                "inventory_level", "12", "low_stock_threshold", "4"));
        assertThat(rows.get(1).values()).isEqualTo(Map.of("item_id", "B-200", "inventory_level", "0"));
    }

    @Test
    void anObjectWithStoreAndItemsDeclaresTheStoreForAllRows() {
        try (RowReader reader = Rows.open("0042/stock.json",
                "{\"store_id\": \"0042\", \"items\": [{\"item_id\": \"A\", \"inventory_level\": 1}]}"
                        .getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.declaredStoreId()).contains("0042");
            assertThat(reader.next().values()).isEqualTo(Map.of("item_id", "A", "inventory_level", "1"));
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void theStoreMayFollowTheItems() {
        try (RowReader reader = Rows.open("stock.json",
                "{\"items\": [{\"item_id\": \"A\", \"inventory_level\": 1}], \"store_id\": \"0042\", \"note\": 1}"
                        .getBytes(StandardCharsets.UTF_8))) {
            reader.forEachRemaining(row -> { });
            assertThat(reader.declaredStoreId()).contains("0042");
            assertThat(reader.ignoredColumns()).containsExactly("note");
        }
    }

    @Test
    void fieldNamesAreCaseInsensitiveAndClassicNamesWork() {
        List<ParsedRow> rows = Rows.read("s.json", "[{\"Store\": \"0042\", \"ITEM\": \"A\", \"count\": 3}]");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("store_id", "0042", "item_id", "A", "inventory_level", "3"));
    }

    @Test
    void numbersKeepTheirTextSoValidationSeesDecimals() {
        List<ParsedRow> rows = Rows.read("0042/s.json", "[{\"item_id\": \"A\", \"inventory_level\": 1.5}]");

        assertThat(rows.get(0).value("inventory_level")).isEqualTo("1.5");
    }

    @Test
    void nestedValuesAndNullsAreNotValues() {
        List<ParsedRow> rows = Rows.read("0042/s.json",
                "[{\"item_id\": \"A\", \"inventory_level\": {\"n\": 1}, \"item_name\": null, \"tags\": [1,2]}]");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A",
                "inventory_level", JsonObjects.NESTED_VALUE));
    }

    @Test
    void anEntryThatIsNotAnObjectIsAnUnreadableRow() {
        List<ParsedRow> rows = Rows.read("0042/s.json", "[{\"item_id\": \"A\", \"inventory_level\": 1}, 42, [1]]");

        assertThat(rows).extracting(ParsedRow::readable).containsExactly(true, false, false);
        assertThat(rows.get(1).error().toString()).startsWith("Row 2: is not an item");
    }

    @Test
    void brokenJsonIsUnreadableWithItsPosition() {
        assertThatThrownBy(() -> Rows.read("0042/s.json", "[\n{\"item_id\": \"A\", \"inventory_level\": 1}\n{\"item_id\": \"B\"}]"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The file is not valid JSON (problem at line 3, column ");
    }

    @Test
    void truncatedJsonIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.json", "[{\"item_id\": \"A\", \"inventory_level\": 1}, {\"item_"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The file is not valid JSON");
    }

    @Test
    void aJsonScalarIsTheWrongShape() {
        assertThatThrownBy(() -> Rows.read("0042/s.json", "\"inventory\""))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_WRONG_SHAPE);
    }

    @Test
    void anObjectWithoutItemsIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.json", "{\"store_id\": \"0042\", \"products\": []}"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_NO_ITEMS);
    }

    @Test
    void contentAfterTheListIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.json", "[] []"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_WRONG_SHAPE);
    }

    @Test
    void emptyFilesAndEmptyListsHaveNoRows() {
        assertThat(Rows.read("0042/s.json", "")).isEmpty();
        assertThat(Rows.read("0042/s.json", "[]")).isEmpty();
        assertThat(Rows.read("0042/s.json", "{\"store_id\": \"0042\", \"items\": []}")).isEmpty();
    }

    @Test
    void gzipCompressedJsonIsReadLikePlainJson() {
        assertThat(Rows.read("0042/s.json.gz", Rows.gzip("[{\"item_id\": \"A\", \"inventory_level\": 1}]")))
                .hasSize(1);
    }
}
