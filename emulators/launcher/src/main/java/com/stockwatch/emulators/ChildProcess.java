package com.stockwatch.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The protocol between an emulator and whoever started it (a test resource or the local stack): options as
 * {@code --name value}, one {@code READY <url>} line on standard output once the emulator serves, and exit as soon
 * as standard input closes, so an emulator never outlives its parent, even one that was killed.
 */
public final class ChildProcess {

    private final Map<String, String> options;

    private ChildProcess(Map<String, String> options) {
        this.options = options;
    }

    public static ChildProcess fromArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option like --port, got " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return new ChildProcess(options);
    }

    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public int port() {
        return Integer.parseInt(option("port", "0"));
    }

    /** Announces the emulator's base URL and stops the process when the parent closes our standard input. */
    public void ready(String url, Runnable onStop) {
        System.out.println("READY " + url);
        System.out.flush();
        Thread watcher = new Thread(() -> {
            waitForEndOfInput(System.in);
            onStop.run();
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Reports a failed start on standard error and exits non-zero, so the parent can name the cause. */
    public static void fail(String emulator, Throwable cause) {
        System.err.println("FAILED " + emulator + ": " + cause);
        cause.printStackTrace(System.err);
        System.exit(1);
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is only a liveness signal; its content is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: stop as well.
        }
    }
}
