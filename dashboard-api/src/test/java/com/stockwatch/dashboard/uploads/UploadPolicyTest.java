package com.stockwatch.dashboard.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockwatch.dashboard.inventory.BadParameterException;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy(
            List.of(".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz", ".json", ".json.gz", ".jsonl", ".jsonl.gz",
                    ".ndjson", ".ndjson.gz"), 1000);
    private final Instant now = Instant.parse("2026-11-25T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = { "a.csv", "A.CSV", "a.json", "a.jsonl", "a.ndjson", "a.csv.gz", "a.ndjson.GZ", "a.tsv", "a.txt.gz" })
    void acceptsTheLoadersFormats(String name) {
        assertThat(policy.objectKey("berlin", name, 10L, now)).startsWith("berlin/20261125T080000Z-");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a.exe", "a.gz", "csv", ".csv", "a.csv.zip", "a.xlsx", "a.tsv.bz2" })
    void refusesOtherFiles(String name) {
        assertThatThrownBy(() -> policy.objectKey("berlin", name, 10L, now))
                .isInstanceOf(BadParameterException.class).hasMessageStartingWith("fileName");
    }

    @Test
    void acceptsOnlyTheConfiguredSuffixesAndNamesThem() {
        UploadPolicy csvOnly = new UploadPolicy(List.of("csv", " .CSV.GZ"), 1000);
        assertThat(csvOnly.objectKey("berlin", "a.csv.gz", 10L, now)).endsWith("-a.csv.gz");
        assertThatThrownBy(() -> csvOnly.objectKey("berlin", "a.json", 10L, now))
                .hasMessage("fileName must end in .csv, .csv.gz.");
        assertThat(csvOnly.acceptAttribute()).isEqualTo(".csv,.csv.gz");
    }

    @Test
    void refusesEmptyAndTooLargeFiles() {
        assertThatThrownBy(() -> policy.objectKey("berlin", "a.csv", 0L, now)).hasMessageStartingWith("size");
        assertThatThrownBy(() -> policy.objectKey("berlin", "a.csv", 1001L, now)).hasMessageStartingWith("size");
        assertThatThrownBy(() -> policy.objectKey("berlin", "a.csv", null, now)).hasMessageStartingWith("size");
    }

    @Test
    void keyStaysUnderTheStorePrefixWhateverTheName() {
        String key = policy.objectKey("berlin", "..\\..\\paris/evil name?.csv", 10L, now);
        assertThat(key).startsWith("berlin/").endsWith("-evil_name_.csv");
        assertThat(key.substring("berlin/".length())).doesNotContain("/").doesNotContain("..");
    }
}
