package com.stockwatch.notifier;

import java.util.Map;

import org.jboss.logging.Logger;

import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.silence.SilentStores;

/**
 * What the schedule does on each run; each task on its own, so one failing does not stop the others (each is retried
 * by the next run).
 * <ol>
 * <li>flush the digests of windows that closed with held alerts;</li>
 * <li>raise STALE_INVENTORY for stores that went silent;</li>
 * <li>(the store summary reconcile plugs in here: issue 9)</li>
 * </ol>
 */
public class ScheduledTasks {

    private static final Logger LOG = Logger.getLogger(ScheduledTasks.class);

    private final DigestFlusher flusher;
    private final SilentStores silentStores;

    public ScheduledTasks(DigestFlusher flusher, SilentStores silentStores) {
        this.flusher = flusher;
        this.silentStores = silentStores;
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
        // Issue 9: the store summary reconcile runs here too.
        LOG.info(summary);
        return summary.toString();
    }
}
