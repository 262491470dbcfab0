package com.stockwatch.notifier.publish;

import java.util.Optional;

/**
 * What SNS said about one message.
 *
 * @param messageId SNS's message id when it accepted the message
 * @param error     why it did not (error code and text) otherwise
 * @param permanent whether SNS will never accept this message (a sender fault about the message itself): record it as
 *                  FAILED and move on, instead of retrying
 */
public record PublishResult(Optional<String> messageId, Optional<String> error, boolean permanent) {

    public static PublishResult accepted(String messageId) {
        return new PublishResult(Optional.of(messageId), Optional.empty(), false);
    }

    /** A failure worth retrying (throttling, 5xx, a broken connection, the topic's permissions or key). */
    public static PublishResult failed(String error) {
        return new PublishResult(Optional.empty(), Optional.of(error), false);
    }

    /** A message SNS will never accept. */
    public static PublishResult rejected(String error) {
        return new PublishResult(Optional.empty(), Optional.of(error), true);
    }

    public boolean isAccepted() {
        return messageId.isPresent();
    }
}
