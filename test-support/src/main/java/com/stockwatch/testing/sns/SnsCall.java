package com.stockwatch.testing.sns;

import java.util.List;
import java.util.Map;

/**
 * One HTTP call a client made to the stand-in.
 *
 * @param action     the Query API {@code Action} ({@code Publish}, {@code PublishBatch}, or anything else sent)
 * @param httpStatus the status the stand-in answered
 * @param parameters every form parameter as sent, decoded
 * @param messages   the messages of a Publish (one) or PublishBatch (each entry) call
 */
public record SnsCall(String action, int httpStatus, Map<String, String> parameters, List<PublishedMessage> messages) {

    public SnsCall {
        parameters = Map.copyOf(parameters);
        messages = List.copyOf(messages);
    }
}
