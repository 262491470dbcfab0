package com.stockwatch.notifier;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.silence.SilentStores;
import com.stockwatch.notifier.summary.SummaryReconciler;

/**
 * What the schedule does on each run; each task on its own, so one failing does not stop the others (each is retried
 * by the next run).
 * <ol>
 * <li>flush the digests of windows that closed with held alerts;</li>
 * <li>raise STALE_INVENTORY for stores that went silent;</li>
 * <li>recount the store summaries that are due and quiet (a safety net under the exactly-once counters).</li>
 * </ol>
 */
public class ScheduledTasks {

    private static final Logger LOG = Logger.getLogger(ScheduledTasks.class);

    private final DigestFlusher flusher;
    private final SilentStores silentStores;
    private final Supplier<List<SummaryReconciler.Outcome>> reconcileDue;

    public ScheduledTasks(DigestFlusher flusher, SilentStores silentStores,
            Supplier<List<SummaryReconciler.Outcome>> reconcileDue) {
        this.flusher = flusher;
        this.silentStores = silentStores;
        this.reconcileDue = reconcileDue;
    }

    /** Runs every task; returns a one-line summary. */
    public String run() {
        StringBuilder summary = new StringBuilder();
        try {
            Map<String, DigestFlusher.Result> flushed = flusher.flushDue();
            long sent = flushed.values().stream().filter(r -> r == DigestFlusher.Result.SENT).count();
            summary.append("digests sent: ").append(sent).append(" of ").append(flushed.size()).append(" due");
        } catch (RuntimeException e) {
            LOG.errorf(e, "The digest flush failed; the next run tries again");
            summary.append("digest flush failed");
        }
        try {
            summary.append("; silent stores: ").append(silentStores.check().size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The silent-store check failed; the next run tries again");
            summary.append("; silent-store check failed");
        }
        try {
            List<SummaryReconciler.Outcome> reconciled = reconcileDue.get();
            summary.append("; stores reconciled: ").append(reconciled.size()).append(", repaired: ")
                    .append(reconciled.stream().filter(o -> o.countersWereWrong() || o.statesRepaired() > 0).count());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The summary reconcile failed; the next run tries again");
            summary.append("; summary reconcile failed");
        }
        LOG.info(summary);
        return summary.toString();
    }
}
