package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    @Test
    void onlyTheLastRowOfARepeatedItemHasNoLaterRow() {
        DuplicateFilter filter = new DuplicateFilter(1000);
        filter.record("A", 2);
        filter.record("B", 3);
        filter.record("A", 4);
        filter.record("A", 9);

        assertThat(filter.laterRow("A", 2)).isEqualTo(9);
        assertThat(filter.laterRow("A", 4)).isEqualTo(9);
        assertThat(filter.laterRow("A", 9)).isEqualTo(-1);
        assertThat(filter.laterRow("B", 3)).isEqualTo(-1);
    }

    @Test
    void anOverfullFilterStillNeverSkipsAnItemListedOnce() {
        DuplicateFilter tiny = new DuplicateFilter(1);
        for (int i = 0; i < 50_000; i++) {
            tiny.record("item-" + i, i);
        }
        tiny.record("item-7", 60_000);

        for (int i = 0; i < 50_000; i++) {
            assertThat(tiny.laterRow("item-" + i, i)).isEqualTo(i == 7 ? 60_000 : -1);
        }
    }

    @Test
    void memoryForAMillionDistinctItemsStaysSmall() {
        DuplicateFilter filter = new DuplicateFilter(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            filter.record("SKU-" + i, i);
        }

        assertThat(filter.suspects()).isLessThan(2_000);
    }
}
