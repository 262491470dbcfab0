package com.stockwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "berlin", "0042", "store_7", "berlin-mitte", "eu.berlin.01", "B" })
    void idsThatWorkAsFolderUrlAndGroupNameAreValid(String id) {
        assertThat(StoreIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Berlin Mitte", "", "-berlin", ".hidden", "_x", "berlin/mitte", "münchen", "a\tb",
        "berlin%20mitte", "store?id" })
    void idsWithSpacesSlashesNonAsciiOrALeadingSymbolAreRefused(String id) {
        assertThat(StoreIds.isValid(id)).isFalse();
    }

    @Test
    void atMost128Characters() {
        assertThat(StoreIds.isValid("a".repeat(StoreIds.MAX_LENGTH))).isTrue();
        assertThat(StoreIds.isValid("a".repeat(StoreIds.MAX_LENGTH + 1))).isFalse();
        assertThat(StoreIds.isValid(null)).isFalse();
    }
}
