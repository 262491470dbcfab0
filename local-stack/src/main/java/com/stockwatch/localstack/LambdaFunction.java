package com.stockwatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.stockwatch.emulators.ChildProcessHandle;

/**
 * One function as Lambda runs it: its packaged artefact started as a child process (JVM: the {@code *-runner.jar}
 * under AWS's runtime interface client, as Lambda's Java runtime runs it; native: {@code <module>/target/*-runner},
 * which polls by itself as {@code bootstrap} does on {@code provided.al2023}) with
 * {@code AWS_LAMBDA_RUNTIME_API} pointing at its own {@link RuntimeApi}, and the function's configuration in the
 * environment as Terraform sets it on AWS.
 */
final class LambdaFunction implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The handler of every Quarkus function in JVM mode; {@code quarkus.lambda.handler} picks the bean. */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final String name;
    private final RuntimeApi runtimeApi;
    private final ChildProcessHandle process;
    /** Further execution environments polling the same Runtime API (Lambda runs invocations side by side). */
    private final List<ChildProcessHandle> more = new ArrayList<>();
    private Map<String, String> environment = Map.of();
    private final long startNanos;
    private volatile long initMillis = -1;
    private final java.util.concurrent.atomic.AtomicBoolean firstInvocation = new java.util.concurrent.atomic.AtomicBoolean(true);

    private LambdaFunction(String name, RuntimeApi runtimeApi, ChildProcessHandle process, long startNanos) {
        this.name = name;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code instances} processes of the function on one Runtime API, as Lambda starts more execution
     * environments when invocations arrive while others run: the invocations queued there run side by side.
     */
    static LambdaFunction start(String name, Path moduleDir, boolean nativeMode, Runtime runtime,
            Map<String, String> config, String region, Duration timeout, Path logDir, int instances) {
        LambdaFunction function = start(name, moduleDir, nativeMode, runtime, config, region, timeout, logDir);
        try {
            for (int i = 2; i <= instances; i++) {
                Map<String, String> env = new HashMap<>(function.environment);
                function.more.add(ChildProcessHandle.start(name + "-" + i, command(name, moduleDir, nativeMode,
                        runtime), env, logDir.resolve(name + "-" + i + ".log")));
            }
        } catch (IOException e) {
            function.close();
            throw new StackException(name, "cannot start another instance: " + e.getMessage(), e);
        }
        return function;
    }

    /**
     * Starts the function and waits until it polls for its first invocation.
     *
     * @throws StackException naming the function and the cause when it is not built or does not start
     */
    static LambdaFunction start(String name, Path moduleDir, boolean nativeMode, Runtime runtime,
            Map<String, String> config, String region, Duration timeout, Path logDir) {
        List<String> command = command(name, moduleDir, nativeMode, runtime);
        RuntimeApi api;
        try {
            api = new RuntimeApi(name, region, timeout);
        } catch (IOException e) {
            throw new StackException(name, "cannot open its Lambda Runtime API port: " + e.getMessage(), e);
        }
        Map<String, String> env = new HashMap<>(config);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("_HANDLER", HANDLER);
        env.put("LAMBDA_TASK_ROOT", moduleDir.resolve("target").toString());
        env.put("DISABLE_SIGNAL_HANDLERS", "true");
        ChildProcessHandle child;
        long startNanos = System.nanoTime();
        try {
            child = ChildProcessHandle.start(name, command, env, logDir.resolve(name + ".log"));
        } catch (IOException e) {
            api.close();
            throw new StackException(name, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        LambdaFunction function = new LambdaFunction(name, api, child, startNanos);
        function.environment = env;
        api.firstPoll().thenRun(() -> function.initMillis = (System.nanoTime() - startNanos) / 1_000_000);
        // ready() never completes normally for a function (it prints no READY line): it fails when the process exits.
        child.ready().whenComplete((url, exit) -> api.processEnded("the function process ended: "
                + (exit == null ? "" : exit.getMessage())));
        try {
            CompletableFuture<Object> started = CompletableFuture.anyOf(api.firstPoll(), api.initError(),
                    child.ready().handle((url, failure) -> failure));
            Object outcome = started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (api.initError().isDone()) {
                throw new StackException(name, "initialisation failed: " + Json.abbreviate(api.initError().join())
                        + " (log: " + child.log() + ")");
            }
            if (!api.firstPoll().isDone()) {
                throw new StackException(name, outcome instanceof Throwable t ? t.getMessage()
                        : "exited before polling the Runtime API (log: " + child.log() + ")");
            }
            return function;
        } catch (StackException e) {
            function.close();
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            function.close();
            throw new StackException(name, "did not poll the Runtime API within " + START_TIMEOUT.toSeconds()
                    + " s (log: " + child.log() + ")", e);
        } catch (Exception e) {
            function.close();
            throw new StackException(name, e.getMessage(), e);
        }
    }

    /**
     * How JVM builds are run: the runtime interface client's classpath, its unpacked JNI library, and where
     * {@link FunctionMain} is ({@code local-stack/target/classes}).
     */
    record Runtime(String classpath, Path jniLibrary, Path launcherClasses) {
    }

    static List<String> command(String name, Path moduleDir, boolean nativeMode, Runtime runtime) {
        Path target = moduleDir.resolve("target");
        if (nativeMode) {
            Path runner = findRunner(target);
            if (runner != null) {
                return List.of(runner.toString());
            }
            System.out.println("  " + name + ": no native binary in " + target + ", running the JVM build");
        }
        Path jar = jvmArtefact(target);
        if (jar == null) {
            throw new StackException(name, "is not built: no " + target + "/*-runner.jar; run ./mvnw -B install "
                    + "-DskipTests");
        }
        // As Lambda's managed Java runtime: AWS's runtime interface client polls the Runtime API and calls the
        // handler; the runner jar brings its lib/ through its manifest.
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + RuntimeInterfaceClient.JNI_PROPERTY + "=" + runtime.jniLibrary());
        command.add("-cp");
        command.add(runtime.classpath() + java.io.File.pathSeparator + runtime.launcherClasses()
                + java.io.File.pathSeparator + jar);
        command.add(FunctionMain.class.getName());
        command.add(HANDLER);
        return command;
    }

    /** The JVM build the Quarkus Lambda extension packages into {@code function.zip}: {@code *-runner.jar} + {@code lib/}. */
    private static Path jvmArtefact(Path target) {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path findRunner(Path target) {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner") && Files.isExecutable(p))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
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
        return process.log();
    }

    /** Invokes the function synchronously (RequestResponse) with a JSON event. */
    CompletableFuture<String> invoke(String event) {
        if (!process.isAlive()) {
            return CompletableFuture.failedFuture(new RuntimeApi.FunctionError(name,
                    "the function process is gone (log: " + process.log() + ")"));
        }
        CompletableFuture<String> result = runtimeApi.invoke(event);
        if (firstInvocation.getAndSet(false)) {
            long invoked = System.nanoTime();
            result.whenComplete((response, failure) -> reportColdStart(invoked));
        }
        return result;
    }

    /**
     * One line per function after its first invocation, as Lambda reports a cold start: init (process start to the
     * first Runtime API poll), the first invocation's duration, their sum, and the process's resident memory then.
     */
    private void reportColdStart(long invokedNanos) {
        long firstMillis = (System.nanoTime() - invokedNanos) / 1_000_000;
        String rss = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: no RSS figure.
        }
        System.out.println("FUNCTION-COLD-START " + name + " init_ms=" + initMillis + " first_invocation_ms="
                + firstMillis + " cold_ms=" + (initMillis + firstMillis) + " rss_mb=" + rss);
    }

    @Override
    public void close() {
        more.forEach(ChildProcessHandle::close);
        process.close();
        runtimeApi.close();
    }
}
