package com.stockwatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One emulator running as a child process from its module under {@code emulators/}: started with
 * {@code java -cp target/classes:<target/classpath.txt> <main> <options>}, ready once it prints {@code READY <url>},
 * stopped by closing its standard input (it exits by itself if this JVM dies). Its output goes to
 * {@code target/emulators/<name>.log} of the module that started it.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final Path log;

    private EmulatorProcess(String name, Process process, URI endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Starts an emulator and waits until it is ready.
     *
     * @param name      the emulator's name in messages and the log file name
     * @param module    the emulator module's folder below {@code emulators/}
     * @param mainClass its launcher class
     * @param options   launcher options such as {@code --port 0}
     * @throws IllegalStateException naming the emulator and the cause when it does not start
     */
    public static EmulatorProcess start(String name, String module, String mainClass, List<String> options) {
        Path moduleDir = ProjectLayout.root().resolve("emulators").resolve(module);
        Path classes = moduleDir.resolve("target/classes");
        Path classpathFile = moduleDir.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("Emulator " + name + " is not built: " + moduleDir
                    + " has no target/classes or target/classpath.txt; run ./mvnw -B install -f emulators/pom.xml");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classes + java.io.File.pathSeparator + readClasspath(classpathFile));
        command.add(mainClass);
        command.addAll(options);
        Path log = Path.of("target", "emulators", name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            URI endpoint = awaitReady(name, process, log);
            EmulatorProcess emulator = new EmulatorProcess(name, process, endpoint, log);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "stop-" + name));
            return emulator;
        } catch (IOException e) {
            throw new IllegalStateException("Emulator " + name + " could not be started: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static URI awaitReady(String name, Process process, Path log) {
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpOutput(process, log, ready), "emulator-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Emulator " + name + " did not become ready within "
                    + START_TIMEOUT.toSeconds() + " s; see " + log, e);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Emulator " + name + " failed to start: " + e.getCause().getMessage()
                    + "; see " + log, e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting emulator " + name, e);
        }
    }

    private static void pumpOutput(Process process, Path log, CompletableFuture<URI> ready) {
        String lastFailure = "it exited before it was ready";
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                logWriter.println(line);
                if (line.startsWith("READY ")) {
                    ready.complete(URI.create(line.substring("READY ".length()).trim()));
                } else if (line.startsWith("FAILED ")) {
                    lastFailure = line.substring("FAILED ".length());
                }
            }
        } catch (IOException e) {
            lastFailure = e.getMessage();
        }
        ready.completeExceptionally(new IllegalStateException(lastFailure));
    }

    private static String readClasspath(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
