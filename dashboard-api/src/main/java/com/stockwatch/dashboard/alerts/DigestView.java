package com.stockwatch.dashboard.alerts;

import java.util.Map;

/**
 * One digest the notifier sent for a store's grouping window: the alerts held after the first few of the window.
 *
 * @param digestId    its {@code alert_id} (the alerts page filters on it: {@code ?digest=})
 * @param windowStart start of the window (ISO-8601)
 * @param windowEnd   end of the window
 * @param alertCount  how many alerts it carried
 * @param counts      alerts by type
 * @param delivery    PENDING, SENT or FAILED
 * @param sentAt      when SNS accepted it
 */
public record DigestView(String digestId, String windowStart, String windowEnd, long alertCount,
        Map<String, Long> counts, String delivery, String sentAt) {

    /** E.g. {@code 40 out of stock, 2 low stock}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        counts.forEach((type, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return text.toString();
    }
}
