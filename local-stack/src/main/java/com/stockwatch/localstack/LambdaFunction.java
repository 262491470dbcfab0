package com.stockwatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.stockwatch.emulators.ChildProcessHandle;

/**
 * One function as Lambda runs it: its packaged artefact started as child processes (JVM: the {@code *-runner.jar}
 * under AWS's runtime interface client, as Lambda's Java runtime runs it; native: {@code <module>/target/*-runner},
 * which polls by itself as {@code bootstrap} does on {@code provided.al2023}), each with {@code AWS_LAMBDA_RUNTIME_API}
 * pointing at its own {@link RuntimeApi}, and the function's configuration in the environment as Terraform sets it
 * on AWS.
 *
 * <p>Several execution environments ({@code instances}) take invocations from one shared queue, so invocations that
 * arrive while others run are served side by side, as Lambda scales out. Each process is supervised as Lambda treats
 * an execution environment whose runtime exits: the exit is logged with its status ({@code FUNCTION-EXIT}), the
 * invocation it was running fails, and a fresh process takes its place ({@code FUNCTION-RESTART}, counted). A
 * function that crashes {@link #CRASHES} times within {@link #CRASH_WINDOW} is given up ({@code FUNCTION-GAVE-UP}):
 * {@link #gaveUp()} completes and the stack stops with that reason and a non-zero status.
 */
final class LambdaFunction implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The handler of every Quarkus function in JVM mode; {@code quarkus.lambda.handler} picks the bean. */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final int CRASHES = 5;
    static final Duration CRASH_WINDOW = Duration.ofSeconds(60);

    private final String name;
    private final List<String> command;
    private final Path logDir;
    private final Map<String, String> environment;
    private final BlockingQueue<RuntimeApi.Invocation> queue = RuntimeApi.newQueue();
    private final List<Instance> instances = new ArrayList<>();
    private final CrashBudget budget = new CrashBudget(CRASHES, CRASH_WINDOW);
    private final AtomicInteger restarts = new AtomicInteger();
    private final CompletableFuture<StackException> gaveUp = new CompletableFuture<>();
    private volatile boolean closing;
    private final long startNanos = System.nanoTime();
    private volatile long initMillis = -1;
    private final AtomicBoolean firstInvocation = new AtomicBoolean(true);

    /** One execution environment: its own Runtime API and, over time, the processes that poll it. */
    private static final class Instance {
        final String label;
        final RuntimeApi api;
        volatile ChildProcessHandle process;

        Instance(String label, RuntimeApi api) {
            this.label = label;
            this.api = api;
        }
    }

    private LambdaFunction(String name, List<String> command, Path logDir, Map<String, String> environment) {
        this.name = name;
        this.command = command;
        this.logDir = logDir;
        this.environment = environment;
    }

    /**
     * Starts {@code instances} execution environments of the function and waits until each polls for its first
     * invocation.
     *
     * @throws StackException naming the function and the cause when it is not built or does not start
     */
    static LambdaFunction start(String name, Path moduleDir, boolean nativeMode, Runtime runtime,
            Map<String, String> config, String region, Duration timeout, Path logDir, int instances) {
        Map<String, String> env = new HashMap<>(config);
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("_HANDLER", HANDLER);
        env.put("LAMBDA_TASK_ROOT", moduleDir.resolve("target").toString());
        env.put("DISABLE_SIGNAL_HANDLERS", "true");
        // The artefacts run in the prod profile, which logs JSON lines for CloudWatch; locally plain lines read better.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        LambdaFunction function = new LambdaFunction(name, command(name, moduleDir, nativeMode, runtime), logDir,
                env);
        try {
            for (int i = 1; i <= instances; i++) {
                RuntimeApi api;
                try {
                    api = new RuntimeApi(name, region, timeout, function.queue);
                } catch (IOException e) {
                    throw new StackException(name, "cannot open its Lambda Runtime API port: " + e.getMessage(), e);
                }
                Instance instance = new Instance(i == 1 ? name : name + "-" + i, api);
                function.instances.add(instance);
                function.launch(instance, instance.label + ".log");
            }
            Instance first = function.instances.get(0);
            first.api.firstPoll().thenRun(() -> function.initMillis = (System.nanoTime() - function.startNanos)
                    / 1_000_000);
            for (Instance instance : function.instances) {
                function.awaitFirstPoll(instance);
            }
            function.instances.forEach(function::supervise);
            return function;
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
    }

    private void launch(Instance instance, String logName) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", instance.api.address());
        try {
            instance.process = ChildProcessHandle.start(instance.label, command, env, logDir.resolve(logName));
        } catch (IOException e) {
            throw new StackException(name, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private void awaitFirstPoll(Instance instance) {
        ChildProcessHandle child = instance.process;
        RuntimeApi api = instance.api;
        try {
            // ready() never completes normally for a function (it prints no READY line): it fails when it exits.
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
        } catch (StackException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new StackException(name, "did not poll the Runtime API within " + START_TIMEOUT.toSeconds()
                    + " s (log: " + child.log() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name, "interrupted while starting", e);
        } catch (Exception e) {
            throw new StackException(name, e.getMessage(), e);
        }
    }

    /** Watches the instance's current process: when it exits, the exit is handled once. */
    private void supervise(Instance instance) {
        ChildProcessHandle process = instance.process;
        process.ready().whenComplete((url, exit) -> exited(instance, process, exit));
    }

    private void exited(Instance instance, ChildProcessHandle process, Throwable exit) {
        if (closing) {
            return;
        }
        String status = exit instanceof ChildProcessHandle.Exited e ? e.status() : "?";
        System.out.println("FUNCTION-EXIT " + instance.label + " pid=" + process.pid() + " status=" + status
                + " (log: " + process.log() + ")");
        instance.api.processEnded("the runtime exited with status " + status + " (log: " + process.log() + ")");
        if (!budget.crashed(System.nanoTime())) {
            giveUp(new StackException(name, "crashed " + CRASHES + " times within " + CRASH_WINDOW.toSeconds()
                    + " s; giving up (last log: " + process.log() + ")"));
            return;
        }
        int restart = restarts.incrementAndGet();
        try {
            launch(instance, instance.label + ".restart-" + restart + ".log");
        } catch (StackException e) {
            giveUp(e);
            return;
        }
        System.out.println("FUNCTION-RESTART " + instance.label + " pid=" + instance.process.pid() + " restart="
                + restart + " (log: " + instance.process.log() + ")");
        supervise(instance);
    }

    private void giveUp(StackException reason) {
        System.err.println("FUNCTION-GAVE-UP " + instance0Label() + ": " + reason.getMessage());
        instances.forEach(i -> i.api.failQueued(reason.getMessage()));
        gaveUp.complete(reason);
    }

    private String instance0Label() {
        return instances.isEmpty() ? name : instances.get(0).label;
    }

    /** Completes when the function crashed too often and is no longer restarted. */
    CompletableFuture<StackException> gaveUp() {
        return gaveUp;
    }

    /** How many fresh processes replaced ones that exited. */
    int restarts() {
        return restarts.get();
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

    /** The process of the first execution environment now (a restart replaces it). */
    long pid() {
        return instances.get(0).process.pid();
    }

    /** The process id of every execution environment, by its label ({@code loader}, {@code loader-2}, ...). */
    Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        instances.forEach(i -> pids.put(i.label, i.process.pid()));
        return pids;
    }

    /** Invokes the function synchronously (RequestResponse) with a JSON event; any idle instance takes it. */
    CompletableFuture<String> invoke(String event) {
        if (gaveUp.isDone()) {
            return CompletableFuture.failedFuture(new RuntimeApi.FunctionError(name, gaveUp.join().getMessage()));
        }
        CompletableFuture<String> result = instances.get(0).api.invoke(event);
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
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
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
        closing = true;
        for (Instance instance : instances) {
            if (instance.process != null) {
                instance.process.close();
            }
            instance.api.close();
        }
    }
}
