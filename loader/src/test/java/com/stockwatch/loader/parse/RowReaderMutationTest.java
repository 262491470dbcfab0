package com.stockwatch.loader.parse;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A cheap complement of {@link RowReaderFuzzTest} that always runs: 3,000 seeded random mutations (flipped, inserted,
 * deleted and duplicated bytes) of the fuzz seeds go through the same check.
 */
class RowReaderMutationTest {

    @Test
    void mutatedSeedFilesYieldRowsOrRowErrors() throws IOException {
        Path seeds = Path.of("src/test/resources/com/stockwatch/loader/parse/RowReaderFuzzTestInputs"
                + "/anyInputYieldsRowsOrRowErrors");
        List<byte[]> inputs;
        try (Stream<Path> files = Files.list(seeds)) {
            inputs = files.sorted().map(RowReaderMutationTest::read).toList();
        }
        Random random = new Random(20261125L);
        RowReaderFuzzTest target = new RowReaderFuzzTest();
        for (int i = 0; i < 3000; i++) {
            byte[] input = mutate(inputs.get(random.nextInt(inputs.size())), random);
            assertThatCode(() -> target.anyInputYieldsRowsOrRowErrors(input)).doesNotThrowAnyException();
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && data.length > 1; e++) {
            int at = 1 + random.nextInt(data.length - 1);
            switch (random.nextInt(4)) {
                case 0 -> data[at] = (byte) random.nextInt(256);
                case 1 -> data = splice(data, at, new byte[] {(byte) "\",;\t\n\r{}[]:\\0".charAt(random.nextInt(13))}, 0);
                case 2 -> data = splice(data, at, new byte[0], Math.min(data.length - at, 1 + random.nextInt(16)));
                default -> data = splice(data, at, java.util.Arrays.copyOfRange(data, at,
                        Math.min(data.length, at + 1 + random.nextInt(32))), 0);
            }
        }
        return data;
    }

    private static byte[] splice(byte[] data, int at, byte[] insert, int remove) {
        byte[] result = new byte[data.length - remove + insert.length];
        System.arraycopy(data, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(data, at + remove, result, at + insert.length, data.length - at - remove);
        return result;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
