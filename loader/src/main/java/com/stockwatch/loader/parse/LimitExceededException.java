package com.stockwatch.loader.parse;

import java.io.IOException;

/** Reading went past a {@link ReadLimits} bound; the message is the reason the clerk sees. */
final class LimitExceededException extends IOException {

    LimitExceededException(String reason) {
        super(reason);
    }
}
