package com.stockwatch.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the stack (an emulator or a function), its output in {@code <data-dir>/logs/<name>.log}. It is
 * stopped by closing its standard input (emulators exit on that by themselves), then SIGTERM, then SIGKILL.
 */
final class ChildPart implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private volatile String lastFailure;

    private ChildPart(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildPart start(String name, List<String> command, Map<String, String> environment, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        ChildPart part = new ChildPart(name, builder.start(), log);
        Thread pump = new Thread(part::pump, "output-" + name);
        pump.setDaemon(true);
        pump.start();
        return part;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Completes with the URL of the child's {@code READY <url>} line; fails with its last FAILED line if it exits. */
    CompletableFuture<String> ready() {
        return ready;
    }

    /** The child's own reason, from a {@code FAILED ...} line or the last lines of its log. */
    String failureReason() {
        if (lastFailure != null) {
            return lastFailure;
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().skip(Math.max(0, lines.size() - 8)).reduce((a, b) -> a + "\n  " + b)
                    .orElse("no output");
        } catch (IOException e) {
            return "no output";
        }
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
                    lastFailure = line.substring("FAILED ".length());
                }
            }
        } catch (IOException e) {
            lastFailure = e.getMessage();
        }
        ready.completeExceptionally(new IllegalStateException(
                "exited with status " + exitStatus() + ": " + failureReason() + " (log: " + log + ")"));
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: go on with signals.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
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
}
