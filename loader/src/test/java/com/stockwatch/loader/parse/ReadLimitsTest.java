package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** One pathological file per limit: each is rejected (or its row is) with the clerk's reason, in bounded memory. */
class ReadLimitsTest {

    private static final ReadLimits SMALL = new ReadLimits(4_096, 1L << 20, 20);

    private static List<ParsedRow> read(String key, byte[] content, ReadLimits limits) {
        try (RowReader reader = RowReaders.open(new ByteArrayInputStream(content),
                FileFormat.typeOf(key).orElseThrow(), limits)) {
            List<ParsedRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        }
    }

    private static List<ParsedRow> read(String key, String content, ReadLimits limits) {
        return read(key, content.getBytes(StandardCharsets.UTF_8), limits);
    }

    @Test
    void aCsvQuoteThatNeverClosesOnOneEndlessLineRejectsTheFile() {
        String csv = "item_id,inventory_level\nA-1,5\n\"B-2," + "x".repeat(100_000);
        assertThatThrownBy(() -> read("0042/stock.csv", csv, SMALL))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.RECORD_TOO_LONG.formatted(3, "4,096"));
    }

    @Test
    void aCsvQuoteThatNeverClosesOverManyShortLinesRejectsTheFile() {
        String csv = "item_id,inventory_level\n\"A-1,5\n" + "B-2,7\n".repeat(20_000);
        assertThatThrownBy(() -> read("0042/stock.csv", csv, SMALL))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.RECORD_TOO_LONG.formatted(2, "4,096"));
    }

    @Test
    void csvRecordsUpToTheLimitLoad() {
        String name = "n".repeat(4_000);
        List<ParsedRow> rows = read("0042/stock.csv", "item_id,item_name,inventory_level\n"
                + ("A,\"" + name + "\",1\n").repeat(50), SMALL);
        assertThat(rows).hasSize(50).allMatch(row -> name.equals(row.value(Columns.ITEM_NAME)));
    }

    @Test
    void anOverlongJsonLinesLineRejectsOnlyThatRow() {
        String jsonl = "{\"item_id\": \"A\", \"inventory_level\": 1}\n{\"item_id\": \"" + "x".repeat(50_000)
                + "\"}\n{\"item_id\": \"B\", \"inventory_level\": 2}\n";
        List<ParsedRow> rows = read("0042/stock.jsonl", jsonl, SMALL);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).error()).isEqualTo(new RowError(2, "",
                JsonLinesRowReader.LINE_TOO_LONG.formatted("4,096")));
        assertThat(rows.get(2).value(Columns.ITEM_ID)).isEqualTo("B");
    }

    @Test
    void anOverlongJsonStringRejectsTheFile() {
        String json = "[{\"item_id\": \"A\", \"inventory_level\": 1},\n {\"item_name\": \"" + "x".repeat(10_000) + "\"}]";
        assertThatThrownBy(() -> read("0042/stock.json", json, SMALL))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_VALUE_TOO_LONG.formatted("4,096", 2));
    }

    @Test
    void jsonNestedTooDeeplyRejectsTheFile() {
        String json = "[{\"item_id\": \"A\", \"inventory_level\": " + "[".repeat(1_000) + "]".repeat(1_000) + "}]";
        assertThatThrownBy(() -> read("0042/stock.json", json, SMALL))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.JSON_TOO_DEEP.formatted(1));
    }

    @Test
    void aGzipBombIsRejectedByItsRatio() throws IOException {
        byte[] bomb = gzip("item_id,inventory_level\n", "A,1\n", 2_000_000);
        assertThat(bomb.length).isLessThan(40_000);
        assertThatThrownBy(() -> read("0042/stock.csv.gz", bomb, SMALL))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.COMPRESSION_RATIO.formatted(20));
    }

    @Test
    void aGzipFileLargerThanTheLimitUncompressedIsRejected() throws IOException {
        byte[] big = gzip("item_id,inventory_level\n", "A,1\n", 400_000);
        assertThatThrownBy(() -> read("0042/stock.csv.gz", big, new ReadLimits(4_096, 1L << 20, 100_000)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.TOO_LARGE_DECOMPRESSED.formatted("1"));
    }

    @Test
    void aGzipFileWithinTheLimitsLoads() throws IOException {
        byte[] fine = gzip("item_id,inventory_level\n", "A,1\n", 1_000);
        assertThat(read("0042/stock.csv.gz", fine, SMALL)).hasSize(1_000);
    }

    /** The default limits leave every real file alone and still stop an endless line. */
    @Test
    void theDefaultLimitsStopAnEndlessCsvLine() {
        InputStream endless = new InputStream() {
            private final byte[] start = "item_id,inventory_level\n\"A".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return position < start.length ? start[(int) position++] : (position++ < 50_000_000 ? 'x' : -1);
            }
        };
        assertThatThrownBy(() -> {
            try (RowReader reader = RowReaders.open(endless, FileFormat.typeOf("0042/a.csv").orElseThrow())) {
                reader.forEachRemaining(row -> { });
            }
        }).isInstanceOf(UnreadableFileException.class)
                .hasMessage(FileProblems.RECORD_TOO_LONG.formatted(2, "1,000,000"));
    }

    private static byte[] gzip(String header, String line, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(header.getBytes(StandardCharsets.UTF_8));
            byte[] row = line.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < times; i++) {
                gzip.write(row);
            }
        }
        return bytes.toByteArray();
    }
}
