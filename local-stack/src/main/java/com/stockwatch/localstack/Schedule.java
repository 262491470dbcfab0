package com.stockwatch.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for EventBridge Scheduler: invokes a function every {@code interval} with a small JSON event,
 * one run at a time (a run still going when the next is due delays it, as a rate schedule with one target would not,
 * which is harmless: each run does all the work that is due).
 */
final class Schedule implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private Schedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Schedule start(LambdaFunction function, Duration interval, Path logDir) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-" + function.name());
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                function.invoke("{\"source\":\"stockwatch.local-schedule\"}").get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                System.err.println("[schedule] " + function.name() + " failed: " + e.getMessage() + " (log: "
                        + logDir.resolve(function.name() + ".log") + ")");
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new Schedule(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
