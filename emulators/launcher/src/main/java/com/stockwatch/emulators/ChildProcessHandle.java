package com.stockwatch.emulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parent's side of the {@link ChildProcess} protocol, for a test resource or the local stack: starts a child
 * process, copies its output (standard error included) to a log file, completes {@link #ready()} with the URL of
 * its {@code READY <url>} line, remembers its {@code FAILED ...} line, and stops it by closing its standard input
 * (emulators exit on that by themselves), then SIGTERM, then SIGKILL. It also serves children that never print
 * {@code READY} (the local stack's functions): their {@link #ready()} only ever fails, when they exit.
 */
public final class ChildProcessHandle implements AutoCloseable {

    /** How long {@link #close()} waits for the child to exit after closing its standard input. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);

    private static final int LOG_TAIL_LINES = 8;

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private volatile String failedLine;

    private ChildProcessHandle(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with {@code environment} added to this process's environment, its output going to
     * {@code log} (folders created; the file replaced).
     *
     * @param name the child's name, for thread names and messages
     * @throws IOException when the log folder cannot be created or the command cannot be started
     */
    public static ChildProcessHandle start(String name, List<String> command, Map<String, String> environment,
            Path log) throws IOException {
        Path logFile = log.toAbsolutePath();
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        ChildProcessHandle child = new ChildProcessHandle(name, builder.start(), logFile);
        Thread pump = new Thread(child::pump, "output-" + name);
        pump.setDaemon(true);
        pump.start();
        return child;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's output, as an absolute path. */
    public Path log() {
        return log;
    }

    /**
     * Completes with the URL of the child's {@code READY <url>} line; fails with {@link Exited} when the child's
     * output ends (it exited) before that.
     */
    public CompletableFuture<String> ready() {
        return ready;
    }

    /**
     * Waits for the {@code READY <url>} line and returns the URL.
     *
     * @throws Exited            when the child exited before it was ready
     * @throws TimeoutException  when it was not ready within {@code timeout} (it keeps running)
     */
    public String awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exited exited) {
                throw exited;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The child's own reason for failing: its {@code FAILED ...} line, or else the last lines of its log. */
    public String failureReason() {
        if (failedLine != null) {
            return failedLine;
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().skip(Math.max(0, lines.size() - LOG_TAIL_LINES)).reduce((a, b) -> a + "\n  " + b)
                    .orElse("no output");
        } catch (IOException e) {
            return "no output";
        }
    }

    /** Stops the child with {@link #DEFAULT_STOP_GRACE}; see {@link #stop(Duration)}. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    /**
     * Closes the child's standard input and waits up to {@code grace} for it to exit, then sends SIGTERM and waits
     * 5 s, then SIGKILL. Does nothing when it has already exited.
     */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: go on with signals.
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL at once, without waiting: for a child that failed to start. */
    public void kill() {
        process.destroyForcibly();
    }

    private void pump() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                logWriter.println(line);
                if (line.startsWith("READY ")) {
                    ready.complete(line.substring("READY ".length()).trim());
                } else if (line.startsWith("FAILED ")) {
                    failedLine = line.substring("FAILED ".length());
                }
            }
        } catch (IOException e) {
            failedLine = e.getMessage();
        }
        ready.completeExceptionally(new Exited(exitStatus(), failureReason(), log));
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The child exited (its output ended) before it printed {@code READY <url>}. */
    public static final class Exited extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final String status;
        private final String reason;

        Exited(String status, String reason, Path log) {
            super("exited with status " + status + ": " + reason + " (log: " + log + ")");
            this.status = status;
            this.reason = reason;
        }

        /** The exit status, or {@code ?} when the process had not ended yet when its output did. */
        public String status() {
            return status;
        }

        /** {@link ChildProcessHandle#failureReason()} at the time it exited. */
        public String reason() {
            return reason;
        }
    }
}
