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

    @Test
    void noMessagesNoCalls() {
        assertThat(SnsPublisher.calls(List.of())).isEmpty();
    }
}
