package com.stockwatch.localstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./stockwatch <command>}: {@code local} starts the local stack and runs until Ctrl-C; {@code demo-data}
 * uploads a generated chain of stores into the running stack's bucket; {@code token} prints an API access token.
 */
public final class LocalStackMain {

    /** {@code native} is handled by the {@code stockwatch} script itself (tools/native-image/native-local.sh). */
    static final String NATIVE_USAGE = """
            Usage: ./stockwatch native [--test] [--analysis-only M1,M2] [module ...]
              builds real native executables of loader, notifier and dashboard-api here (one at a time; needs
              Temurin 25 and gcc; tools/native-image/README.md); --test then runs the end-to-end test on them.
              Afterwards ./stockwatch local --native runs the stack on them.
            """;

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        // Line by line also into pipes (scripts, the end-to-end test), including the shutdown hook's last lines.
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8));
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "local" : rest.remove(0);
        try {
            switch (command) {
                case "local" -> local(rest);
                case "demo-data" -> DemoData.run(rest, System.getenv());
                case "token" -> AccessTokens.run(rest, System.getenv());
                case "help", "--help", "-h" -> System.out.println("Commands: local, demo-data, token, native\n\n"
                        + StackOptions.USAGE + "\n" + DemoData.USAGE + "\n" + AccessTokens.USAGE + "\n" + NATIVE_USAGE);
                default -> {
                    System.err.println("Unknown command " + command + "; use local, demo-data, token, native or help");
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void local(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println(StackOptions.USAGE);
            return;
        }
        StackOptions options = StackOptions.parse(StackOptions.findRoot(), args, System.getenv());
        System.out.println("Starting the Stockwatch local stack (data in " + options.dataDir()
                + (options.fresh() ? ", fresh" : "") + (options.nativeMode() ? ", native functions" : "") + ") ...");
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (StackException e) {
            System.err.println("\nThe local stack did not start. " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stop-local-stack"));
        System.out.print(stack.banner());
        System.out.println("Started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        // One machine-readable line for scripts and the end-to-end test.
        System.out.println("STACK-READY " + stack.endpoints().entrySet().stream()
                .map(e -> e.getKey().replace(' ', '-') + "=" + e.getValue()).collect(Collectors.joining(" ")));
        System.out.println("STACK-PIDS " + stack.pids().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        System.out.flush();
        // A function that keeps crashing is given up: stop everything loudly rather than run without it.
        stack.failure().thenAccept(e -> {
            System.err.println("\nThe local stack stops: " + e.getMessage());
            System.exit(1);
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
