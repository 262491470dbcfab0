package com.stockwatch.localstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often a function's processes may crash before the local stack gives up on it: at most {@code crashes} exits
 * within {@code window}. Lambda itself keeps starting fresh execution environments; locally a function that dies
 * again right after each restart is broken (a bad build or configuration), and restarting it forever would only
 * hide that, so the stack stops with the reason instead.
 */
final class CrashBudget {

    private final int crashes;
    private final long windowNanos;
    private final Deque<Long> recent = new ArrayDeque<>();

    CrashBudget(int crashes, Duration window) {
        this.crashes = crashes;
        this.windowNanos = window.toNanos();
    }

    /**
     * Records one crash at {@code nowNanos} ({@link System#nanoTime()}).
     *
     * @return true while a restart is still allowed, false once {@code crashes} fell within the window
     */
    synchronized boolean crashed(long nowNanos) {
        recent.addLast(nowNanos);
        while (nowNanos - recent.peekFirst() > windowNanos) {
            recent.removeFirst();
        }
        return recent.size() < crashes;
    }

    @Override
    public String toString() {
        return crashes + " crashes within " + windowNanos / 1_000_000_000 + " s";
    }
}
