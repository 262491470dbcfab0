package com.stockwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StockHistoryTest {

    @Test
    void keepsTheLastFortyPointsOldestFirst() {
        StockHistory history = StockHistory.empty();
        for (int i = 0; i < 50; i++) {
            history = history.append(new StockPoint(1_000 + i, 500 - i));
        }

        assertThat(history.points()).hasSize(StockHistory.MAX_POINTS);
        assertThat(history.points().get(0)).isEqualTo(new StockPoint(1_010, 490));
        assertThat(history.points().get(39)).isEqualTo(new StockPoint(1_049, 451));
    }

    @Test
    void storedFormIsTwelveBytesAPointAndReadsBack() {
        StockHistory history = StockHistory.of(List.of(new StockPoint(1_764_000_000L, 3_000_000_000L),
                new StockPoint(1_764_086_400L, 0)));

        byte[] stored = history.encode();

        assertThat(stored).hasSize(24);
        assertThat(StockHistory.decode(stored).points()).isEqualTo(history.points());
        assertThat(StockHistory.of(fullHistory()).encode()).hasSize(480);
    }

    @Test
    void aPointAtTheSameTimeReplacesTheLastAndAnOlderOneIsIgnored() {
        StockHistory history = StockHistory.of(List.of(new StockPoint(10, 5), new StockPoint(20, 4)));

        assertThat(history.append(new StockPoint(20, 3)).points()).containsExactly(new StockPoint(10, 5),
                new StockPoint(20, 3));
        assertThat(history.append(new StockPoint(15, 1)).points()).isEqualTo(history.points());
    }

    @Test
    void aDamagedStoredFormIsRefused() {
        assertThatThrownBy(() -> StockHistory.decode(new byte[13])).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<StockPoint> fullHistory() {
        return java.util.stream.IntStream.range(0, 40).mapToObj(i -> new StockPoint(i, i)).toList();
    }
}
