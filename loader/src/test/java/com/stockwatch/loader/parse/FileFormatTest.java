package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.stockwatch.loader.parse.FileFormat.FileType;

class FileFormatTest {

    @Test
    void theFormatFollowsTheExtensionInAnyCase() {
        assertThat(FileFormat.typeOf("0042/Stock Count.CSV")).contains(new FileType(FileFormat.CSV, false));
        assertThat(FileFormat.typeOf("0042/a.json.GZ")).contains(new FileType(FileFormat.JSON, true));
        assertThat(FileFormat.typeOf("a.ndjson")).contains(new FileType(FileFormat.JSON_LINES, false));
        assertThat(FileFormat.typeOf("0042/a.jsonl.gz")).contains(new FileType(FileFormat.JSON_LINES, true));
    }

    @Test
    void otherExtensionsAreNotSupported() {
        assertThat(FileFormat.typeOf("0042/stock.xlsx")).isEmpty();
        assertThat(FileFormat.typeOf("0042/stock")).isEmpty();
        assertThat(FileFormat.typeOf("0042/stock.gz")).isEmpty();
        assertThat(FileFormat.typeOf("0042.csv/stock")).isEmpty();
    }
}
