package com.stockwatch.notifier.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jboss.logging.Logger;

import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.SnsMessage;

/**
 * Sends messages that each stand alone (import outcomes, silent stores) under the ledger: claim, publish, record the
 * outcome, one message at a time in order (they are few). A permanent refusal is recorded as FAILED and the next
 * goes on; a transient failure stops here, and it and everything after it are to be retried.
 */
public class OncePublisher {

    private static final Logger LOG = Logger.getLogger(OncePublisher.class);

    private final AlertLedger ledger;
    private final SnsPublisher publisher;
    private final Clock clock;

    public OncePublisher(AlertLedger ledger, SnsPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A message and its ledger entry. */
    public record Notice(LedgerEntry entry, SnsMessage message) {
    }

    /** What became of one notice. */
    public enum Result {
        SENT, ALREADY_SENT, REJECTED, RETRY;

        public boolean done() {
            return this != RETRY;
        }
    }

    /** Sends each notice once; results in order. After the first {@link Result#RETRY}, every result is RETRY. */
    public List<Result> sendAll(List<Notice> notices) {
        List<Result> results = new ArrayList<>(notices.size());
        for (Notice notice : notices) {
            Result result = send(notice);
            results.add(result);
            if (result == Result.RETRY) {
                results.addAll(Collections.nCopies(notices.size() - results.size(), Result.RETRY));
                break;
            }
        }
        return results;
    }

    private Result send(Notice notice) {
        LedgerEntry entry = notice.entry();
        AlertLedger.Outcome claim = ledger.claimAll(List.of(entry), clock.instant()).get(0);
        if (claim == AlertLedger.Outcome.ALREADY_SENT) {
            LOG.infof("%s of store %s (%s) was sent before: not sent again", entry.type(), entry.storeId(),
                    entry.alertId());
            return Result.ALREADY_SENT;
        }
        if (claim == AlertLedger.Outcome.FAILED) {
            return Result.RETRY;
        }
        PublishResult published = publisher.send(List.of(notice.message())).get(0);
        AlertLedger.Mark mark;
        Result result;
        if (published.isAccepted()) {
            mark = AlertLedger.Mark.sent(entry, published.messageId().orElseThrow(), clock.instant());
            result = Result.SENT;
        } else if (published.permanent()) {
            LOG.errorf("SNS refused %s of store %s for good: %s", entry.type(), entry.storeId(),
                    published.error().orElse("?"));
            mark = AlertLedger.Mark.failed(entry, published.error().orElse("?"));
            result = Result.REJECTED;
        } else {
            LOG.errorf("SNS did not take %s of store %s: %s; retried", entry.type(), entry.storeId(),
                    published.error().orElse("?"));
            return Result.RETRY;
        }
        if (ledger.markAll(List.of(mark), clock.instant()).get(0) != AlertLedger.Outcome.DONE) {
            LOG.warnf("%s of store %s went out (or failed for good) but stays marked PENDING", entry.type(),
                    entry.storeId());
        }
        return result;
    }
}
