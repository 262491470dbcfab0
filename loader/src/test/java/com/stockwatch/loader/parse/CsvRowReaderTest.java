package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    @Test
    void commaSeparatedRowsAreReadWithSpreadsheetRowNumbers() {
        List<ParsedRow> rows = Rows.read("0042/stock.csv", """
                item_id,item_name,inventory_level,low_stock_threshold
                A-100,Whole milk 1L,12,4
                B-200,Rye bread,0,
                """);

        assertThat(rows).extracting(ParsedRow::row).containsExactly(2L, 3L);
        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A-100", "item_name", "Whole milk 1L",
                "inventory_level", "12", "low_stock_threshold", "4"));
        assertThat(rows.get(1).value("low_stock_threshold")).isNull();
    }

    @Test
    void semicolonDelimiterIsDetectedFromTheHeader() {
        List<ParsedRow> rows = Rows.read("0042/stock.csv", "item_id;item_name;inventory_level\nA-100;Milk, 1L;12\n");

        assertThat(rows.get(0).values()).containsEntry("item_name", "Milk, 1L").containsEntry("inventory_level", "12");
    }

    @Test
    void tabDelimiterIsDetectedFromTheHeader() {
        List<ParsedRow> rows = Rows.read("0042/stock.tsv", "item_id\titem_name\tinventory_level\nA-100\tMilk; 1L\t12\n");

        assertThat(rows.get(0).values()).containsEntry("item_name", "Milk; 1L").containsEntry("inventory_level", "12");
    }

    @Test
    void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() {
        List<ParsedRow> rows = Rows.read("0042/stock.csv",
                "item_id,item_name,inventory_level\r\nA-1,\"Cheese, \"\"aged\"\"\r\n200g\",3\r\nA-2,Eggs,6\r\n");

        assertThat(rows.get(0).value("item_name")).isEqualTo("Cheese, \"aged\"\r\n200g");
        assertThat(rows).extracting(ParsedRow::row).containsExactly(2L, 3L);
    }

    @Test
    void byteOrderMarkAndHeaderCaseAreIgnored() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Item_ID,INVENTORY_LEVEL\nA-1,5\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(text, 0, content, 3, text.length);

        List<ParsedRow> rows = Rows.read("0042/stock.csv", content);

        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A-1", "inventory_level", "5"));
    }

    @Test
    void classicWalkThroughColumnsAreMappedToTheModel() {
        List<ParsedRow> rows = Rows.read("stock.csv", "store,item,count\n0042,A-1,7\n");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("store_id", "0042", "item_id", "A-1",
                "inventory_level", "7"));
    }

    @Test
    void unknownColumnsAreIgnoredAndNamed() {
        try (RowReader reader = Rows.open("0042/s.csv", "item_id,price,inventory_level,aisle\nA,1.99,3,7\n"
                .getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.next().values()).isEqualTo(Map.of("item_id", "A", "inventory_level", "3"));
            assertThat(reader.ignoredColumns()).containsExactly("price", "aisle");
        }
    }

    @Test
    void blankLinesAreSkippedButKeepRowNumbersAsInASpreadsheet() {
        List<ParsedRow> rows = Rows.read("0042/s.csv", "item_id,inventory_level\n\nA,1\n\n\nB,2\n");

        assertThat(rows).extracting(ParsedRow::row).containsExactly(3L, 6L);
    }

    @Test
    void missingRowValuesAreAbsentAndExtraValuesMakeTheRowUnreadable() {
        List<ParsedRow> rows = Rows.read("0042/s.csv", "item_id,item_name,inventory_level\nA\nB,b,2,oops\nC,c,3,\n");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A"));
        assertThat(rows.get(1).error().toString())
                .isEqualTo("Row 3: has 4 values but the first row names 3 columns; check for a missing quotation mark"
                        + " or an extra delimiter");
        assertThat(rows.get(2).readable()).isTrue();
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv", "sku,qty\nA,1\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("The first row must name the columns and include item_id (or item) and inventory_level"
                        + " (or count). Found: sku, qty.");
    }

    @Test
    void aHeaderlessFileIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv", "A-100,12\nB-200,3\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The first row must name the columns");
    }

    @Test
    void aColumnNamedTwiceIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv", "item_id,inventory_level,Inventory_Level\nA,1,2\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("The column inventory_level appears more than once in the first row.");
    }

    @Test
    void modelColumnsBeatClassicNamesWhenBothArePresent() {
        List<ParsedRow> rows = Rows.read("0042/s.csv", "item,item_id,inventory_level\nold,A-1,3\n");

        assertThat(rows.get(0).value("item_id")).isEqualTo("A-1");
    }

    @Test
    void anUnclosedQuoteMakesTheFileUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv", "item_id,inventory_level\nA,1\n\"B,2\nC,3\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Row 3: a quoted value is not closed");
    }

    @Test
    void textAfterAClosingQuoteMakesTheFileUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv", "item_id,inventory_level\n\"A\"x,1\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Row 2: a quoted value");
    }

    @Test
    void aBinaryFileIsNotText() {
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, (byte) 0x88, (byte) 0xFE, 0x00, 0x00};

        assertThatThrownBy(() -> Rows.read("0042/s.csv", xlsx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.NOT_TEXT);
    }

    @Test
    void latin1TextIsNotAcceptedAsUtf8() {
        byte[] latin1 = "item_id,item_name,inventory_level\nA,Cr\u00e8me,1\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> Rows.read("0042/s.csv", latin1))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.NOT_TEXT);
    }

    @Test
    void anEmptyFileHasNoRows() {
        assertThat(Rows.read("0042/s.csv", "")).isEmpty();
        assertThat(Rows.read("0042/s.csv", "item_id,inventory_level\r\n")).isEmpty();
    }

    @Test
    void gzipCompressedCsvIsReadLikePlainCsv() {
        List<ParsedRow> rows = Rows.read("0042/s.csv.gz", Rows.gzip("item_id;inventory_level\nA;1\n"));

        assertThat(rows.get(0).values()).isEqualTo(Map.of("item_id", "A", "inventory_level", "1"));
    }

    @Test
    void aGzNameOnPlainTextIsUnreadable() {
        assertThatThrownBy(() -> Rows.read("0042/s.csv.gz", "item_id,inventory_level\nA,1\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.NOT_GZIP);
    }

    @Test
    void aTruncatedGzipFileIsUnreadable() {
        byte[] gzip = Rows.gzip("item_id,inventory_level\n" + "A,1\n".repeat(1000));
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);

        assertThatThrownBy(() -> Rows.read("0042/s.csv.gz", truncated))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.NOT_GZIP);
    }
}
