package com.stockwatch.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockwatch.notifier.alert.Alert;
import com.stockwatch.notifier.alert.AlertType;
import com.stockwatch.notifier.alert.StockChange;

class AlertMessagesTest {

    private static final Instant T = Instant.parse("2026-11-25T07:55:00Z");
    private final AlertMessages messages = new AlertMessages(Optional.of("https://stock.example.com/"), 5);
    private final AlertMessages noLinks = new AlertMessages(Optional.empty(), 5);

    static Alert alert(AlertType type, String store, String item, String name, Long oldLevel, long newLevel) {
        return new Alert(type, new StockChange("e1", "1", store, item, name,
                oldLevel == null ? OptionalLong.empty() : OptionalLong.of(oldLevel), newLevel, OptionalInt.empty(), T));
    }

    @Test
    void outOfStockTexts() {
        SnsMessage message = messages.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "Blue mug", 3L, 0));
        assertThat(message.subject()).isEqualTo("Out of stock: Blue mug (SKU-1) at store 12");
        assertThat(message.sms()).isEqualTo("Stockwatch: OUT OF STOCK at store 12: Blue mug (SKU-1) 3 -> 0");
        assertThat(message.email()).isEqualTo("""
                Out of stock at store 12

                Item:  Blue mug (SKU-1)
                Store: 12
                Level: 3 -> 0
                Time:  2026-11-25 07:55:00 UTC
                Page:  https://stock.example.com/stores/12/items/SKU-1

                The item is out of stock.
                """);
    }

    @Test
    void lowStockNamesTheThreshold() {
        SnsMessage message = messages.single(alert(AlertType.LOW_STOCK, "12", "SKU-1", "Blue mug", 9L, 4));
        assertThat(message.subject()).isEqualTo("Low stock: Blue mug (SKU-1) at store 12");
        assertThat(message.sms()).isEqualTo("Stockwatch: LOW STOCK at store 12: Blue mug (SKU-1) 9 -> 4");
        assertThat(message.email()).contains("Level: 9 -> 4")
                .contains("at or below the item's low-stock threshold of 5.");
    }

    @Test
    void backInStockAndNewItemTexts() {
        assertThat(messages.single(alert(AlertType.BACK_IN_STOCK, "12", "SKU-1", "Blue mug", 0L, 40)).sms())
                .isEqualTo("Stockwatch: BACK IN STOCK at store 12: Blue mug (SKU-1) 0 -> 40");
        assertThat(messages.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "SKU-1", null, 0)).sms())
                .isEqualTo("Stockwatch: OUT OF STOCK at store 12: SKU-1 new item, 0");
    }

    @Test
    void attributesLetSubscriptionsFilter() {
        SnsMessage message = messages.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "Blue mug", 3L, 0));
        assertThat(message.attributes()).containsOnly(
                org.assertj.core.api.Assertions.entry("store_id", SnsMessage.Attribute.string("12")),
                org.assertj.core.api.Assertions.entry("item_id", SnsMessage.Attribute.string("SKU-1")),
                org.assertj.core.api.Assertions.entry("alert_type", SnsMessage.Attribute.string("OUT_OF_STOCK")));
    }

    @Test
    void longNamesAreCutInSubjectAndSmsButNeverTheItemId() {
        String name = "Extra large stainless steel thermos with handle, lid and a very long description ".repeat(12);
        SnsMessage message = messages.single(alert(AlertType.OUT_OF_STOCK, "store-0042", "SKU-123456", name, 3L, 0));
        assertThat(message.subject()).hasSizeLessThanOrEqualTo(AlertMessages.SUBJECT_MAX_CHARS)
                .startsWith("Out of stock: Extra large").endsWith("... (SKU-123456) at store store-0042");
        assertThat(message.sms()).hasSizeLessThanOrEqualTo(AlertMessages.SMS_MAX_CHARS)
                .endsWith("... (SKU-123456) 3 -> 0");
        assertThat(message.email()).contains(name.strip());
    }

    @Test
    void unicodeIsCountedInCharactersAndNeverSplitInsideASurrogatePair() {
        String name = "Café crème brûlée 🍮 ".repeat(20) + "日本語の商品名";
        SnsMessage message = messages.single(alert(AlertType.LOW_STOCK, "Zürich-1", "ÄÖÜ-1", name, 10L, 2));
        for (String text : new String[] {message.subject(), message.sms()}) {
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(140);
            assertThat(text.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
            for (int i = 0; i < text.length(); i++) {
                if (Character.isHighSurrogate(text.charAt(i))) {
                    assertThat(Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
                }
            }
        }
        assertThat(message.subject().codePointCount(0, message.subject().length()))
                .isLessThanOrEqualTo(AlertMessages.SUBJECT_MAX_CHARS);
        assertThat(message.subject()).startsWith("Low stock: Café crème brûlée 🍮").contains("(ÄÖÜ-1) at store Zürich-1");
    }

    @Test
    void emojiAtTheCutIsDroppedWhole() {
        String name = "a".repeat(60) + "🍮".repeat(40);
        String sms = messages.single(alert(AlertType.OUT_OF_STOCK, "1", "X", name, 1L, 0)).sms();
        assertThat(sms.codePointCount(0, sms.length())).isEqualTo(AlertMessages.SMS_MAX_CHARS);
        assertThat(sms).contains("🍮...");
    }

    @Test
    void lineBreaksInNamesNeverReachSubjectOrSms() {
        SnsMessage message = messages.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "Blue\r\nmug\tsmall", 3L, 0));
        assertThat(message.subject()).isEqualTo("Out of stock: Blue mug small (SKU-1) at store 12");
        assertThat(message.sms()).doesNotContain("\n", "\r", "\t");
    }

    @Test
    void dashboardLinkIsPercentEncoded() {
        SnsMessage message = messages.single(
                alert(AlertType.OUT_OF_STOCK, "Store 7/B", "mug #2 ü&?", "Mug", 3L, 0));
        assertThat(message.email())
                .contains("Page:  https://stock.example.com/stores/Store%207%2FB/items/mug%20%232%20%C3%BC%26%3F");
    }

    @Test
    void noDashboardNoLink() {
        assertThat(noLinks.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "Mug", 3L, 0)).email())
                .doesNotContain("Page:").doesNotContain("http");
    }

    @Test
    void structuredMessageHasDefaultEmailAndSmsKeys() throws Exception {
        SnsMessage message = messages.single(alert(AlertType.OUT_OF_STOCK, "12", "SKU-1", "Mug \"deluxe\"", 3L, 0));
        JsonNode json = new ObjectMapper().readTree(message.structuredJson());
        assertThat(json.fieldNames()).toIterable().containsExactly("default", "email", "sms");
        assertThat(json.get("default").asText()).isEqualTo(message.email());
        assertThat(json.get("email").asText()).isEqualTo(message.email());
        assertThat(json.get("sms").asText()).isEqualTo(message.sms());
    }
}
