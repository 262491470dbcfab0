package com.stockwatch.dashboard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.stockwatch.inventory.StockStatus;

class CsvExportTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+1|'=1+1", "+SUM(A1)|'+SUM(A1)", "-2|'-2", "@cmd|'@cmd", "plain|plain", "a=b|a=b" })
    void formulaCellsBecomeText(String value, String expected) {
        assertThat(CsvExport.cell(value)).isEqualTo(expected);
    }

    @Test
    void quotesCellsWithSeparatorsQuotesAndNewlines() {
        assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void writesOneCrlfRowPerItem() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.writeHeader(out);
        CsvExport.writeRow(out, new ItemView("berlin", "milk", "Milk, 1 l", 0, Instant.parse("2026-11-25T08:00:00Z"),
                5, StockStatus.OUT_OF_STOCK, "s3://b/k"));
        assertThat(out.toString()).isEqualTo(CsvExport.HEADER + "\r\n"
                + "berlin,milk,\"Milk, 1 l\",0,out of stock,5,2026-11-25T08:00:00Z\r\n");
    }
}
