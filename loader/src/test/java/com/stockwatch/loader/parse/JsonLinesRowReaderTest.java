package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonLinesRowReaderTest {

    @Test
    void eachLineIsARowNumberedByLine() {
        List<ParsedRow> rows = Rows.read("0042/s.jsonl", """
                {"item_id": "A", "inventory_level": 1}

                {"item_id": "B", "inventory_level": 2, "item_name": "Butter"}
                """);

        assertThat(rows).extracting(ParsedRow::row).containsExactly(1L, 3L);
        assertThat(rows.get(1).values()).isEqualTo(Map.of("item_id", "B", "inventory_level", "2",
                "item_name", "Butter"));
    }

    @Test
    void ndjsonIsJsonLines() {
        assertThat(Rows.read("0042/s.ndjson", "{\"item_id\": \"A\", \"inventory_level\": 1}\r\n")).hasSize(1);
    }

    @Test
    void aBrokenLineIsAnUnreadableRowAndTheNextLineIsRead() {
        List<ParsedRow> rows = Rows.read("0042/s.jsonl",
                "{\"item_id\": \"A\", \"inventory_level\": 1}\n{\"item_id\": \"B\", \n[1]\n{\"item_id\": \"C\", \"inventory_level\": 3}\n");

        assertThat(rows).extracting(ParsedRow::readable).containsExactly(true, false, false, true);
        assertThat(rows.get(1).error().toString()).isEqualTo("Row 2: " + JsonLinesRowReader.LINE_NOT_AN_OBJECT);
    }

    @Test
    void aBrokenFirstLineMeansTheFileIsNotJsonLines() {
        assertThatThrownBy(() -> Rows.read("0042/s.jsonl", "item_id,inventory_level\nA,1\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_LINES_BROKEN);
    }

    @Test
    void gzipCompressedJsonLinesAreRead() {
        assertThat(Rows.read("0042/s.jsonl.gz", Rows.gzip("{\"item_id\": \"A\", \"inventory_level\": 1}\n")))
                .hasSize(1);
    }
}
