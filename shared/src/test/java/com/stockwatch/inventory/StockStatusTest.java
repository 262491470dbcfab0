package com.stockwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class StockStatusTest {

    @Test
    void zeroIsOutOfStock() {
        assertThat(StockStatus.of(0, OptionalInt.of(3), 5)).isEqualTo(StockStatus.OUT_OF_STOCK);
    }

    @Test
    void levelAtTheItemsOwnThresholdIsLow() {
        assertThat(StockStatus.of(3, OptionalInt.of(3), 5)).isEqualTo(StockStatus.LOW);
        assertThat(StockStatus.of(4, OptionalInt.of(3), 5)).isEqualTo(StockStatus.IN_STOCK);
    }

    @Test
    void itemWithoutThresholdUsesTheDefault() {
        assertThat(StockStatus.of(5, OptionalInt.empty(), 5)).isEqualTo(StockStatus.LOW);
        assertThat(StockStatus.of(6, OptionalInt.empty(), 5)).isEqualTo(StockStatus.IN_STOCK);
    }

    @Test
    void thresholdZeroMeansNeverLow() {
        assertThat(StockStatus.of(1, OptionalInt.of(0), 5)).isEqualTo(StockStatus.IN_STOCK);
    }

    @Test
    void onlyStatusesNeedingAttentionGoIntoTheIndex() {
        assertThat(StockStatus.IN_STOCK.indexValue()).isEmpty();
        assertThat(StockStatus.LOW.indexValue()).contains("LOW");
        assertThat(StockStatus.OUT_OF_STOCK.indexValue()).contains("OUT_OF_STOCK");
    }

    @Test
    void urlParametersParseCaseInsensitively() {
        assertThat(StockStatus.fromParameter("Out_Of_Stock")).contains(StockStatus.OUT_OF_STOCK);
        assertThat(StockStatus.fromParameter("sold-out")).isEmpty();
        assertThat(StockStatus.fromParameter(null)).isEmpty();
    }
}
