package com.stockwatch.notifier.publish;

import java.util.Optional;

/**
 * What SNS said about one message.
 *
 * @param messageId SNS's message id when it accepted the message
 * @param error     why it did not (error code and text) otherwise
 */
public record PublishResult(Optional<String> messageId, Optional<String> error) {

    public static PublishResult accepted(String messageId) {
        return new PublishResult(Optional.of(messageId), Optional.empty());
    }

    public static PublishResult failed(String error) {
        return new PublishResult(Optional.empty(), Optional.of(error));
    }

    public boolean isAccepted() {
        return messageId.isPresent();
    }
}
