package com.stockwatch.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertType;

class DigestMessagesTest {

    private final DigestMessages digests = new DigestMessages(Optional.of("https://stock.example.com"));

    static List<Alert> alerts(int count, String namePrefix) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AlertType type = i % 10 == 9 ? AlertType.LOW_STOCK : AlertType.OUT_OF_STOCK;
            alerts.add(AlertMessagesTest.alert(type, "12", "SKU-" + i, namePrefix + i, 7L,
                    type == AlertType.LOW_STOCK ? 2 : 0));
        }
        return alerts;
    }

    @Test
    void digestCountsAndListsEveryAlert() {
        SnsMessage digest = digests.digest("12", alerts(11, "Mug "));
        assertThat(digest.subject()).isEqualTo("11 stock alerts at store 12");
        assertThat(digest.sms()).isEqualTo("Stockwatch: 11 stock alerts at store 12 (10 out of stock, 1 low stock). "
                + "Details by email and on the dashboard.");
        assertThat(digest.email()).startsWith("""
                11 stock alerts at store 12

                Out of stock: 10
                Low stock: 1
                Store page: https://stock.example.com/stores/12

                - OUT OF STOCK  Mug 0 (SKU-0): 7 -> 0  2026-11-25 07:55:00 UTC
                """);
        assertThat(digest.email()).contains("- LOW STOCK  Mug 9 (SKU-9): 7 -> 2").doesNotContain("more");
        assertThat(digest.email().lines().filter(line -> line.startsWith("- "))).hasSize(11);
    }

    @Test
    void digestAttributesNameTheStoreAndEveryTypeInIt() {
        SnsMessage digest = digests.digest("12", alerts(11, "Mug "));
        assertThat(digest.attributes()).containsOnlyKeys("store_id", "alert_type");
        assertThat(digest.attributes().get("store_id")).isEqualTo(SnsMessage.Attribute.string("12"));
        assertThat(digest.attributes().get("alert_type"))
                .isEqualTo(new SnsMessage.Attribute("String.Array", "[\"OUT_OF_STOCK\",\"LOW_STOCK\"]"));
    }

    @Test
    void thousandAlertsFitInOneMessage() {
        SnsMessage digest = digests.digest("12", alerts(1000, "Stainless steel thermos 0.5 l, blue, item "));
        assertThat(digest.email().lines().filter(line -> line.startsWith("- "))).hasSize(1000);
        assertThat(digest.sizeBytes()).isLessThanOrEqualTo(DigestMessages.SNS_MAX_BYTES);
    }

    @Test
    void whatDoesNotFitIsCountedAndLeftToTheDashboard() {
        String longName = "Très long nom d'article avec des caractères accentués é è à ü 🍮 ".repeat(2);
        SnsMessage digest = digests.digest("12", alerts(5000, longName));
        assertThat(digest.sizeBytes()).isLessThanOrEqualTo(DigestMessages.SNS_MAX_BYTES);
        long listed = digest.email().lines().filter(line -> line.startsWith("- ")).count();
        assertThat(listed).isBetween(100L, 4999L);
        assertThat(digest.email()).endsWith("... and " + (5000 - listed)
                + " more; see https://stock.example.com/stores/12\n");
        assertThat(digest.subject()).isEqualTo("5000 stock alerts at store 12");
    }

    @Test
    void smallBudgetStillGivesAValidDigest() {
        SnsMessage digest = new DigestMessages(Optional.empty(), 4000).digest("12", alerts(50, "Mug "));
        assertThat(digest.email()).contains("Out of stock: 45").endsWith(" more; see the dashboard\n");
        assertThat(digest.sizeBytes()).isLessThanOrEqualTo(4000 + 1000);
    }
}
