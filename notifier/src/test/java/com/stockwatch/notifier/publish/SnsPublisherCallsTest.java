package com.stockwatch.notifier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stockwatch.notifier.message.SnsMessage;

class SnsPublisherCallsTest {

    static SnsMessage message(int emailChars) {
        return new SnsMessage("s", "x".repeat(emailChars), "sms", Map.of());
    }

    @Test
    void atMostTenEntriesPerCall() {
        List<List<SnsMessage>> calls = SnsPublisher.calls(Collections.nCopies(25, message(10)));
        assertThat(calls).extracting(List::size).containsExactly(10, 10, 5);
    }

    @Test
    void atMost256KibPerCall() {
        // each message ~100 KB (the text goes out twice: default and email)
        List<List<SnsMessage>> calls = SnsPublisher.calls(Collections.nCopies(5, message(50_000)));
        assertThat(calls).extracting(List::size).containsExactly(2, 2, 1);
    }

    static SnsMessage itemAlert(String store, String item, String type) {
        return new SnsMessage(type, "e", "sms", Map.of("store_id", SnsMessage.Attribute.string(store),
                "item_id", SnsMessage.Attribute.string(item), "alert_type", SnsMessage.Attribute.string(type)));
    }

    @Test
    void oneItemNeverTwiceInOneCallSoItsAlertsKeepTheirOrder() {
        List<List<SnsMessage>> calls = SnsPublisher.calls(List.of(itemAlert("S1", "A", "OUT_OF_STOCK"),
                itemAlert("S1", "B", "OUT_OF_STOCK"), itemAlert("S2", "A", "OUT_OF_STOCK"),
                itemAlert("S1", "A", "BACK_IN_STOCK"), itemAlert("S1", "C", "LOW_STOCK")));
        assertThat(calls).extracting(List::size).containsExactly(3, 2);
        assertThat(calls.get(1).get(0).subject()).isEqualTo("BACK_IN_STOCK");
    }

    @Test
    void permanentOnlyForSenderFaultsAboutTheMessage() {
        assertThat(SnsPublisher.permanent("InvalidParameter", true)).isTrue();
        assertThat(SnsPublisher.permanent("InvalidParameter", false)).isFalse();
        assertThat(SnsPublisher.permanent("AuthorizationError", true)).isFalse();
        assertThat(SnsPublisher.permanent("KMSDisabled", true)).isFalse();
        assertThat(SnsPublisher.permanent("InternalError", false)).isFalse();
    }

    @Test
    void noMessagesNoCalls() {
        assertThat(SnsPublisher.calls(List.of())).isEmpty();
    }
}
