package com.stockwatch.notifier.alert;

import static com.stockwatch.notifier.alert.Changes.insert;
import static com.stockwatch.notifier.alert.Changes.modify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertClassifierTest {

    /** Default threshold 5, BACK_IN_STOCK on. */
    private final AlertClassifier classifier = new AlertClassifier(5, true);

    private Optional<AlertType> type(StockChange change) {
        return classifier.classify(change).map(Alert::type);
    }

    @ParameterizedTest(name = "{0} -> {1} raises {2}")
    @CsvSource({
            "3, 0, OUT_OF_STOCK",
            "1, 0, OUT_OF_STOCK",
            "100, 0, OUT_OF_STOCK",
            "6, 5, LOW_STOCK",
            "100, 1, LOW_STOCK",
            "0, 1, BACK_IN_STOCK",
            "0, 5, BACK_IN_STOCK",
            "0, 100, BACK_IN_STOCK",
    })
    void levelCrossingABoundaryRaisesTheAlert(long oldLevel, long newLevel, AlertType expected) {
        assertThat(type(modify(oldLevel, newLevel))).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1} raises nothing")
    @CsvSource({
            "0, 0",     // re-upload of an empty shelf
            "9, 8",     // above the threshold
            "6, 6",     // unchanged (e.g. a name-only change)
            "5, 4",     // within the low band
            "3, 1",     // within the low band
            "1, 5",     // rises within the low band
            "5, 6",     // low -> in stock is no alert
            "2, 100",   // restock from low
    })
    void levelCrossingNoBoundaryRaisesNothing(long oldLevel, long newLevel) {
        assertThat(type(modify(oldLevel, newLevel))).isEmpty();
    }

    @Test
    void newItemAtZeroIsOutOfStock() {
        assertThat(type(insert(0))).contains(AlertType.OUT_OF_STOCK);
    }

    @Test
    void newItemInStockOrLowRaisesNothing() {
        assertThat(type(insert(3))).isEmpty();
        assertThat(type(insert(50))).isEmpty();
    }

    @Test
    void itemsOwnThresholdWinsOverTheDefault() {
        assertThat(type(modify(11, 10, 10))).contains(AlertType.LOW_STOCK);
        assertThat(type(modify(6, 5, 2))).isEmpty();
        assertThat(type(modify(3, 2, 2))).contains(AlertType.LOW_STOCK);
    }

    @Test
    void thresholdZeroMeansOnlyOutOfStock() {
        assertThat(type(modify(5, 1, 0))).isEmpty();
        assertThat(type(modify(1, 0, 0))).contains(AlertType.OUT_OF_STOCK);
    }

    @Test
    void backInStockCanBeSwitchedOff() {
        AlertClassifier quiet = new AlertClassifier(5, false);
        assertThat(quiet.classify(modify(0, 7))).isEmpty();
        assertThat(quiet.classify(modify(0, 2))).isEmpty();
        assertThat(quiet.classify(modify(7, 0)).map(Alert::type)).contains(AlertType.OUT_OF_STOCK);
    }

    @Test
    void alertIdIsTimeItemAndType() {
        Alert alert = classifier.classify(modify(3, 0)).orElseThrow();
        assertThat(alert.alertId()).isEqualTo("2026-11-25T07:55:00.000Z#SKU-1#OUT_OF_STOCK");
    }
}
