package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.stockwatch.loader.parse.FileFormat.FileType;
import com.stockwatch.loader.validate.FileContext;
import com.stockwatch.loader.validate.RowValidator;
import com.stockwatch.loader.validate.ValidatedRow;

/**
 * Any bytes, read as any format, yield rows or row errors, or the file is rejected as unreadable: never another
 * exception. In {@code mvn verify} Jazzer replays the seed inputs under
 * {@code src/test/resources/.../RowReaderFuzzTestInputs/} (regression mode); with {@code JAZZER_FUZZ=1} it fuzzes for
 * {@code maxDuration} (see docs/loader.md).
 */
class RowReaderFuzzTest {

    private static final FileType[] TYPES = {
            new FileType(FileFormat.CSV, false), new FileType(FileFormat.JSON, false),
            new FileType(FileFormat.JSON_LINES, false), new FileType(FileFormat.CSV, true),
            new FileType(FileFormat.JSON, true), new FileType(FileFormat.JSON_LINES, true)};
    private static final FileContext[] CONTEXTS = {
            new FileContext(Optional.of("0042"), Optional.empty(), Instant.EPOCH, "s3://b/0042/f"),
            new FileContext(Optional.empty(), Optional.empty(), Instant.EPOCH, "s3://b/f")};

    /** Small limits, so that short inputs (and the seeds csv-endless-quote, jsonl-long-line, gzip-bomb) reach them. */
    private static final ReadLimits LIMITS = new ReadLimits(4_096, 1L << 20, 20);

    @FuzzTest(maxDuration = "20s")
    void anyInputYieldsRowsOrRowErrors(byte[] input) {
        if (input.length == 0) {
            return;
        }
        FileType type = TYPES[(input[0] & 0xFF) % TYPES.length];
        FileContext context = CONTEXTS[((input[0] & 0xFF) / TYPES.length) % CONTEXTS.length];
        byte[] content = Arrays.copyOfRange(input, 1, input.length);
        try (RowReader reader = RowReaders.open(new ByteArrayInputStream(content), type, LIMITS)) {
            long lastRow = 0;
            while (reader.hasNext()) {
                ParsedRow row = reader.next();
                assertThat(row.row()).isGreaterThan(lastRow);
                lastRow = row.row();
                ValidatedRow validated = RowValidator.validate(row, context);
                assertThat(validated.valid()).isEqualTo(validated.errors().isEmpty());
            }
        } catch (UnreadableFileException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }
}
