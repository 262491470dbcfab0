package com.stockwatch.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.stockwatch.notifier.alert.AlertType;

class DigestMessagesTest {

    static final Instant START = Instant.parse("2026-11-25T08:30:00Z");
    static final Instant END = Instant.parse("2026-11-25T08:35:00Z");

    final DigestMessages digests = new DigestMessages(Optional.of("https://stock.example.com"));

    static Map<AlertType, Long> counts(long out, long low) {
        Map<AlertType, Long> counts = new EnumMap<>(AlertType.class);
        counts.put(AlertType.OUT_OF_STOCK, out);
        counts.put(AlertType.LOW_STOCK, low);
        return counts;
    }

    static DigestMessages.Line line(AlertType type, String id, String name) {
        return new DigestMessages.Line(type, id, name, OptionalLong.of(7), type == AlertType.LOW_STOCK ? 2 : 0,
                Instant.parse("2026-11-25T07:55:00Z"));
    }

    @Test
    void aDigestCountsByTypeListsTheMostImportantAndLinksToAllOfThem() {
        SnsMessage digest = digests.digest("12", START, END, counts(40_000, 2_000),
                List.of(line(AlertType.OUT_OF_STOCK, "A", "Apple juice"), line(AlertType.OUT_OF_STOCK, "B", "Bread")),
                "~digest#2026-11-25T08:30:00.000Z#x");
        assertThat(digest.subject()).isEqualTo("42000 more stock alerts at store 12, 08:30-08:35 UTC");
        assertThat(digest.sms()).isEqualTo("Stockwatch: 42000 more stock alerts at store 12 08:30-08:35 UTC "
                + "(40000 out of stock, 2000 low stock). Details by email and on the dashboard.");
        assertThat(digest.email()).isEqualTo("""
                42000 more stock alerts at store 12
                Held between 2026-11-25 08:30:00 UTC and 2026-11-25 08:35:00 UTC, after the first alerts of the \
                window went out one by one.

                Out of stock: 40000
                Low stock: 2000
                All of them: https://stock.example.com/stores/12/alerts?digest=%7Edigest%232026-11-25T08%3A30%3A00.000Z%23x

                Most important (out of stock first, by name):
                - OUT OF STOCK  Apple juice (A): 7 -> 0  2026-11-25 07:55:00 UTC
                - OUT OF STOCK  Bread (B): 7 -> 0  2026-11-25 07:55:00 UTC
                ... and 41998 more on the dashboard.
                """);
        assertThat(digest.attributes().get("alert_type"))
                .isEqualTo(new SnsMessage.Attribute("String.Array", "[\"OUT_OF_STOCK\",\"LOW_STOCK\"]"));
        assertThat(digest.attributes()).containsOnlyKeys("store_id", "alert_type");
    }

    @Test
    void controlFormatAndSeparatorCharactersNeverReachSubjectOrSms() {
        SnsMessage message = new SnsMessage("Out\u2028of\u0007stock: Mug\u200B\u202E (A)\r\nat store\u2029S1",
                "body", "SMS\u0000text\u00ADhere\uFEFF", Map.of());
        assertThat(message.subject()).isEqualTo("Out of stock: Mug (A) at store S1");
        assertThat(message.sms()).isEqualTo("SMS texthere");
        assertThat(message.subject() + message.sms()).doesNotContainPattern("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    }
}
