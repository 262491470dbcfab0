import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code native-image} command of the tools/native-image verification toolchain: GraalVM's builder jars from
 * Maven Central have no command-line driver, so this one does the driver's work for what Quarkus (and the
 * dependencies' {@code META-INF/native-image} metadata) ask of it. It translates driver options to builder options,
 * applies every class-path entry's {@code native-image.properties} {@code Args} and JSON configuration, honours the
 * runner jar's manifest, and runs {@code NativeImageGeneratorRunner} on the toolchain's JDK with the JVM flags the
 * builder needs. Unknown driver options stop the build with their name rather than being silently dropped.
 *
 * <p>Environment: {@code NATIVE_IMAGE_TOOLCHAIN} (the toolchain root, set by bin/native-image),
 * {@code NATIVE_IMAGE_ANALYSIS_ONLY=true} (stop after the analysis stage), {@code NATIVE_IMAGE_XMX} (builder heap
 * when no {@code -J-Xmx} is given), {@code NATIVE_IMAGE_DRY_RUN=true} (print the builder command only).
 */
public final class NativeImageDriver {

    private static final Map<String, String> CONFIG_FILES = Map.of(
            "reflect-config.json", "ReflectionConfigurationResources",
            "resource-config.json", "ResourceConfigurationResources",
            "jni-config.json", "JNIConfigurationResources",
            "proxy-config.json", "DynamicProxyConfigurationResources",
            "serialization-config.json", "SerializationConfigurationResources",
            "predefined-classes-config.json", "PredefinedClassesConfigurationResources",
            "reachability-metadata.json", "ReachabilityMetadataResources");

    private final Path toolchain;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> builderOptions = new ArrayList<>();
    private final List<String> classInitialization = new ArrayList<>();
    private final Set<String> classPath = new LinkedHashSet<>();
    private final List<Pattern[]> excludedConfigs = new ArrayList<>();
    private final Set<Path> metadataScanned = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();
    private boolean jarGiven;
    private String imageName;
    private String mainClass;
    private boolean sharedLibrary;

    private NativeImageDriver(Path toolchain) {
        this.toolchain = toolchain;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--write-builder-jvm-args")) {
            writeBuilderJvmArgs(Path.of(args[1]));
            return;
        }
        Path toolchain = Path.of(System.getenv("NATIVE_IMAGE_TOOLCHAIN"));
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-version"))) {
            System.out.print(Files.readString(toolchain.resolve("version.txt")));
            return;
        }
        NativeImageDriver driver = new NativeImageDriver(toolchain);
        driver.parse(expandArgFiles(List.of(args)), "command line");
        System.exit(driver.run());
    }

    /**
     * The builder's JVM options (written once, when the toolchain is assembled): JVMCI on, the builder's class loader
     * and version properties, and every package of every JDK module opened to the builder's modules, which use JDK
     * internals throughout (the real driver computes the same from the module graph).
     */
    private static void writeBuilderJvmArgs(Path target) throws IOException {
        String version = Runtime.version().feature() + "." + Runtime.version().interim() + "." + Runtime.version().update();
        List<String> lines = new ArrayList<>(List.of(
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-XX:-UseJVMCICompiler", "-Xshare:off",
                "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Dsubstratevm.IgnoreGraalVersionCheck=true",
                "-Djdk.internal.lambda.disableEagerInitialization=true",
                "-Dorg.graalvm.version=" + System.getenv("GRAALVM_VERSION"),
                "-Dorg.graalvm.vendor=\"GraalVM Community\"",
                "-Dorg.graalvm.vendorurl=https://www.graalvm.org/",
                "-Dorg.graalvm.vendorversion=\"GraalVM CE " + System.getenv("GRAALVM_VERSION") + "+" + Runtime.version().build().orElse(1) + ".1\"",
                "--enable-native-access=org.graalvm.nativeimage.builder,ALL-UNNAMED",
                "--add-modules=ALL-DEFAULT"));
        String builderModules = String.join(",", "org.graalvm.nativeimage.builder", "org.graalvm.nativeimage.pointsto",
                "org.graalvm.nativeimage.base", "org.graalvm.nativeimage.objectfile", "org.graalvm.nativeimage.configure",
                "org.graalvm.nativeimage", "org.graalvm.word", "org.graalvm.collections", "jdk.graal.compiler",
                "org.graalvm.truffle.compiler", "org.graalvm.espresso.shared.svm", "org.graalvm.nativeimage.libgraal",
                "org.graalvm.nativeimage.shaded.capnproto", "ALL-UNNAMED");
        java.lang.module.ModuleFinder.ofSystem().findAll().stream()
                .map(java.lang.module.ModuleReference::descriptor)
                .filter(d -> !d.name().startsWith("jdk.graal") && !d.name().equals("jdk.hotspot.agent"))
                .sorted(java.util.Comparator.comparing(java.lang.module.ModuleDescriptor::name))
                .forEach(d -> d.packages().stream().sorted()
                        .forEach(p -> lines.add("--add-opens=" + d.name() + "/" + p + "=" + builderModules)));
        Files.write(target, lines);
        System.out.println("builder JVM options: " + lines.size() + " lines, JDK " + version);
    }

    private static List<String> expandArgFiles(List<String> args) throws IOException {
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@") && Files.isRegularFile(Path.of(arg.substring(1)))) {
                for (String line : Files.readAllLines(Path.of(arg.substring(1)))) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        result.add(unquote(trimmed));
                    }
                }
            } else {
                result.add(arg);
            }
        }
        return result;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private void parse(List<String> args, String origin) throws IOException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-J")) {
                jvmOptions.add(arg.substring(2));
            } else if (arg.equals("-H:-UnlockExperimentalVMOptions") || arg.equals("-H:+UnlockExperimentalVMOptions")) {
                // The builder runs with experimental options unlocked throughout (see run()).
            } else if (arg.startsWith("-H:Name=")) {
                imageName = arg.substring("-H:Name=".length());
            } else if (arg.startsWith("-H:Class=")) {
                mainClass = arg.substring("-H:Class=".length());
            } else if (arg.startsWith("-H:") || arg.startsWith("-R:")) {
                builderOptions.add(arg);
            } else if (arg.startsWith("--features=")) {
                builderOptions.add("-H:Features=" + arg.substring("--features=".length()));
            } else if (arg.startsWith("--initialize-at-run-time") || arg.startsWith("--initialize-at-build-time")) {
                String policy = arg.startsWith("--initialize-at-run-time") ? "run_time" : "build_time";
                int eq = arg.indexOf('=');
                String value = eq < 0 ? "" : arg.substring(eq + 1);
                if (value.isEmpty()) {
                    if (policy.equals("run_time")) {
                        throw new IllegalArgumentException("--initialize-at-run-time needs class or package names (" + origin + ")");
                    }
                    // An empty --initialize-at-build-time means every class: the old default, not supported by 25.
                    throw new IllegalArgumentException("--initialize-at-build-time without names is not supported (" + origin + ")");
                }
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        classInitialization.add(name.strip() + ":" + policy);
                    }
                }
            } else if (arg.equals("--no-fallback")) {
                builderOptions.add("-H:FallbackThreshold=0");
            } else if (arg.equals("--link-at-build-time")) {
                builderOptions.add("-H:LinkAtBuildTime=");
            } else if (arg.startsWith("--link-at-build-time=")) {
                builderOptions.add("-H:LinkAtBuildTime=" + arg.substring("--link-at-build-time=".length()));
            } else if (arg.startsWith("--link-at-build-time-paths=")) {
                builderOptions.add("-H:LinkAtBuildTimePaths=" + arg.substring("--link-at-build-time-paths=".length()));
            } else if (arg.startsWith("--enable-url-protocols=")) {
                builderOptions.add("-H:EnableURLProtocols=" + arg.substring("--enable-url-protocols=".length()));
            } else if (arg.equals("--enable-http")) {
                builderOptions.add("-H:EnableURLProtocols=http");
            } else if (arg.equals("--enable-https")) {
                builderOptions.add("-H:EnableURLProtocols=https");
            } else if (arg.equals("--enable-all-security-services")) {
                // A no-op since GraalVM 21: security services are always registered.
            } else if (arg.startsWith("--enable-monitoring")) {
                int eq = arg.indexOf('=');
                builderOptions.add("-H:EnableMonitoringFeatures=" + (eq < 0 ? "all" : arg.substring(eq + 1)));
            } else if (arg.startsWith("--enable-native-access=")) {
                builderOptions.add("-H:EnableNativeAccess=" + arg.substring("--enable-native-access=".length()));
            } else if (arg.startsWith("-march=")) {
                builderOptions.add("-H:MicroArchitecture=" + arg.substring("-march=".length()));
            } else if (arg.startsWith("-O") && arg.length() <= 3) {
                builderOptions.add("-H:Optimize=" + arg.substring(2));
            } else if (arg.equals("--shared")) {
                sharedLibrary = true;
            } else if (arg.equals("--static") || arg.equals("--libc=musl")) {
                throw new IllegalArgumentException(arg + ": this verification toolchain links dynamically against the"
                        + " JDK's shared libraries; static images come from the Mandrel builder container");
            } else if (arg.equals("--verbose") || arg.equals("--native-image-info") || arg.equals("--silent")) {
                // Driver chatter only.
            } else if (arg.equals("--report-unsupported-elements-at-runtime")) {
                builderOptions.add("-H:+ReportUnsupportedElementsAtRuntime");
            } else if (arg.equals("--allow-incomplete-classpath")) {
                // Deprecated without effect since GraalVM 22 (incomplete class paths are the default, and Quarkus's
                // --link-at-build-time must keep applying); some dependencies' properties still carry it.
                System.err.println("native-image (tools/native-image): ignoring deprecated " + arg + " (" + origin + ")");
            } else if (arg.startsWith("--trace-object-instantiation=")) {
                builderOptions.add("-H:TraceObjectInstantiation=" + arg.substring("--trace-object-instantiation=".length()));
            } else if (arg.startsWith("--trace-class-initialization=")) {
                builderOptions.add("-H:ClassInitializationTracing=" + arg.substring("--trace-class-initialization=".length()));
            } else if (arg.startsWith("--add-exports=") || arg.startsWith("--add-opens=")) {
                // Both for the builder's own class loading and the image.
                jvmOptions.add(arg.replaceFirst("=([^=]+=[^=]+)=.*$", "=$1=ALL-UNNAMED"));
                String kind = arg.startsWith("--add-exports=") ? "-H:AddExports=" : "-H:AddOpens=";
                builderOptions.add(kind + arg.substring(arg.indexOf('=') + 1));
            } else if (arg.equals("--add-exports") || arg.equals("--add-opens")) {
                parse(List.of(arg + "=" + args.get(++i)), origin);
            } else if (arg.equals("--exclude-config")) {
                excludedConfigs.add(new Pattern[] {Pattern.compile(args.get(i + 1)), Pattern.compile(args.get(i + 2))});
                i += 2;
            } else if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                for (String entry : args.get(++i).split(":")) {
                    classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
                }
            } else if (arg.equals("-jar")) {
                jarGiven = true;
                readJar(Path.of(args.get(++i)).toAbsolutePath().normalize());
            } else if (arg.equals("-o")) {
                imageName = args.get(++i);
            } else if (arg.startsWith("-D")) {
                // System properties of the image build: the builder JVM sees them (as the real driver does).
                jvmOptions.add(arg);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("native-image option not supported by the tools/native-image driver: "
                        + arg + " (" + origin + "); add its translation to tools/native-image/src/NativeImageDriver.java");
            } else if (origin.equals("command line")) {
                positional.add(arg);
            }
        }
    }

    private void readJar(Path jar) throws IOException {
        classPath.add(jar.toString());
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return;
            }
            Attributes main = manifest.getMainAttributes();
            if (mainClass == null && main.getValue("Main-Class") != null) {
                mainClass = main.getValue("Main-Class");
            }
            String cp = main.getValue("Class-Path");
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    if (!entry.isEmpty()) {
                        classPath.add(jar.getParent().resolve(entry).normalize().toString());
                    }
                }
            }
            for (String attribute : List.of("Add-Opens", "Add-Exports")) {
                String value = main.getValue(attribute);
                if (value == null) {
                    continue;
                }
                for (String modulePackage : value.trim().split("\\s+")) {
                    String flag = attribute.equals("Add-Opens") ? "--add-opens=" : "--add-exports=";
                    jvmOptions.add(flag + modulePackage + "=ALL-UNNAMED");
                    builderOptions.add((attribute.equals("Add-Opens") ? "-H:AddOpens=" : "-H:AddExports=")
                            + modulePackage + "=ALL-UNNAMED");
                }
            }
        }
    }

    /** Every class-path entry's META-INF/native-image: Args of native-image.properties, JSON configurations. */
    private void applyMetadata() throws IOException {
        List<String> entries = new ArrayList<>(classPath);
        for (String entry : entries) {
            Path path = Path.of(entry);
            if (!metadataScanned.add(path) || !Files.exists(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                applyMetadata(path, path.toString());
            } else if (entry.endsWith(".jar")) {
                try (FileSystem zip = FileSystems.newFileSystem(path)) {
                    applyMetadata(zip.getPath("/"), path.toString());
                }
            }
        }
    }

    private void applyMetadata(Path root, String entry) throws IOException {
        Path base = root.resolve("META-INF/native-image");
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String resource = root.relativize(file).toString();
            String name = file.getFileName().toString();
            if (isExcluded(entry, resource)) {
                continue;
            }
            if (name.equals("native-image.properties")) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                String dir = root.relativize(file.getParent()).toString();
                String args = properties.getProperty("Args");
                if (args != null) {
                    parse(splitArgs(args.replace("${.}", dir)), entry + "!/" + resource);
                }
                String javaArgs = properties.getProperty("JavaArgs");
                if (javaArgs != null) {
                    jvmOptions.addAll(splitArgs(javaArgs));
                }
            } else if (CONFIG_FILES.containsKey(name)) {
                builderOptions.add("-H:" + CONFIG_FILES.get(name) + "=" + resource);
            }
        }
    }

    private boolean isExcluded(String entry, String resource) {
        for (Pattern[] exclusion : excludedConfigs) {
            if (exclusion[0].matcher(entry).find() && exclusion[1].matcher(resource).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitArgs(String args) {
        List<String> result = new ArrayList<>();
        for (String token : args.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                result.add(unquote(token));
            }
        }
        return result;
    }

    private int run() throws Exception {
        // As the real driver: `native-image [options] <main class> [<image name>]`, or `-jar <jar> [<image name>]`.
        List<String> names = new ArrayList<>(positional);
        if (!jarGiven && !names.isEmpty() && mainClass == null) {
            mainClass = names.remove(0);
        }
        if (!names.isEmpty() && imageName == null) {
            imageName = names.remove(0);
        }
        if (!names.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments: " + names);
        }
        applyMetadata();
        if (mainClass == null && !sharedLibrary) {
            throw new IllegalArgumentException("no main class: give -jar <jar> with a Main-Class or a class name");
        }
        if (imageName == null) {
            imageName = mainClass.substring(mainClass.lastIndexOf('.') + 1).toLowerCase();
        }
        Path output = Path.of(imageName).toAbsolutePath().normalize();
        Path jdk = toolchain.resolve("graalvm");
        Path builderJars = toolchain.resolve("builder");

        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/java").toString());
        command.add("@" + toolchain.resolve("builder-jvm.args"));
        boolean heapGiven = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx"));
        if (!heapGiven) {
            command.add("-Xmx" + System.getenv().getOrDefault("NATIVE_IMAGE_XMX", "6g"));
        }
        command.addAll(jvmOptions);
        command.add("--module-path");
        try (Stream<Path> jars = Files.list(builderJars)) {
            command.add(String.join(":", jars.filter(p -> !p.getFileName().toString().startsWith("compiler-"))
                    .map(Path::toString).sorted().toList()));
        }
        command.add("--upgrade-module-path");
        try (Stream<Path> jars = Files.list(builderJars)) {
            command.add(jars.filter(p -> p.getFileName().toString().startsWith("compiler-")).findFirst().orElseThrow().toString());
        }
        command.add("-m");
        command.add("org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner");

        List<String> builder = new ArrayList<>();
        builder.add("-imagecp");
        builder.add(String.join(":", classPath));
        builder.add("-H:+UnlockExperimentalVMOptions");
        builder.add("-H:Path=" + output.getParent());
        builder.add("-H:Name=" + output.getFileName());
        if (mainClass != null) {
            builder.add("-H:Class=" + mainClass);
        }
        if (sharedLibrary) {
            builder.add("-H:+SharedLibrary");
        }
        builder.add("-H:ImageBuildID=" + UUID.randomUUID());
        builder.add("-H:CLibraryPath=" + toolchain.resolve("clibraries"));
        // Kept (an explicit temp directory is not deleted): after a failed link, the printed linker command can be
        // re-run against a fixed toolchain without repeating the compile.
        builder.add("-H:TempDirectory=" + output.resolveSibling(output.getFileName() + ".native-image-tmp"));
        builder.add("-H:NativeLinkerOption=-Wl,-rpath," + toolchain.resolve("runtime-lib"));
        builder.add("-H:NativeLinkerOption=-L" + toolchain.resolve("runtime-lib"));
        if (!classInitialization.isEmpty()) {
            builder.add("-H:ClassInitialization=" + String.join(",", classInitialization));
        }
        builder.addAll(builderOptions);
        if (Boolean.parseBoolean(System.getenv("NATIVE_IMAGE_ANALYSIS_ONLY"))) {
            builder.add("-H:+ReturnAfterAnalysis");
        }
        command.addAll(builder);
        Path commandRecord = output.resolveSibling(output.getFileName() + ".builder-command.txt");
        Files.writeString(commandRecord, String.join("\n", command) + "\n");
        System.out.println("tools/native-image: builder command in " + commandRecord);
        if (Boolean.parseBoolean(System.getenv("NATIVE_IMAGE_DRY_RUN"))) {
            return 0;
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        int status = process.waitFor();
        return status;
    }

    static {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                System.err.println("native-image (tools/native-image): " + e.getMessage());
            } else {
                e.printStackTrace();
            }
            System.exit(2);
        });
    }
}
