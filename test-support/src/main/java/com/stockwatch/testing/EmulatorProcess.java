package com.stockwatch.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.stockwatch.emulators.ChildProcessHandle;

/**
 * One emulator running as a child process from its module under {@code emulators/}: started with
 * {@code java -cp target/classes:<target/classpath.txt> <main> <options>}, ready once it prints {@code READY <url>},
 * stopped by closing its standard input (it exits by itself if this JVM dies). Its output goes to
 * {@code target/emulators/<name>.log} of the module that started it. The process itself is a
 * {@link ChildProcessHandle}.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ChildProcessHandle process;
    private final URI endpoint;

    /** System property with the emulators' JVM options; benchmarks set a full-JIT JVM here. */
    public static final String JVM_OPTIONS_PROPERTY = "stockwatch.emulators.jvm-options";
    /** Quick start for tests: small heap, serial GC, C1 only. */
    private static final String DEFAULT_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private EmulatorProcess(ChildProcessHandle process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
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
        command.addAll(List.of(System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        command.add("-cp");
        command.add(classes + java.io.File.pathSeparator + readClasspath(classpathFile));
        command.add(mainClass);
        command.addAll(options);
        Path log = Path.of("target", "emulators", name + ".log");
        ChildProcessHandle process;
        try {
            process = ChildProcessHandle.start(name, command, Map.of(), log);
        } catch (IOException e) {
            throw new IllegalStateException("Emulator " + name + " could not be started: " + e.getMessage(), e);
        }
        EmulatorProcess emulator = new EmulatorProcess(process, awaitReady(name, process));
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "stop-" + name));
        return emulator;
    }

    public String name() {
        return process.name();
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
        process.stop(STOP_GRACE);
    }

    private static URI awaitReady(String name, ChildProcessHandle process) {
        try {
            return URI.create(process.awaitReady(START_TIMEOUT));
        } catch (TimeoutException e) {
            process.kill();
            throw new IllegalStateException("Emulator " + name + " did not become ready within "
                    + START_TIMEOUT.toSeconds() + " s; see " + process.log(), e);
        } catch (ChildProcessHandle.Exited e) {
            process.kill();
            throw new IllegalStateException("Emulator " + name + " failed to start: " + e.reason()
                    + "; see " + process.log(), e);
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting emulator " + name, e);
        }
    }

    private static String readClasspath(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
