package com.stockwatch.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * AWS's Java runtime interface client, which runs JVM functions against the Runtime API. Its JNI library is unpacked
 * once per stack into the data folder and named with the system property the client reads: left to itself, every
 * client unpacks it to the same {@code /tmp/.libaws-lambda-jni.so}, and three functions starting together overwrite
 * each other's copy.
 */
final class RuntimeInterfaceClient {

    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeInterfaceClient() {
    }

    /** The client's classpath, as the build wrote it to {@code local-stack/target/lambda-runtime-classpath.txt}. */
    static String classpath(Path root) {
        Path file = root.resolve("local-stack/target/lambda-runtime-classpath.txt");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new StackException("Lambda runtime interface client", "is not resolved (" + file
                    + " is missing); run ./mvnw -B install -DskipTests", e);
        }
    }

    /** Unpacks the JNI library for this platform into {@code dir} and returns its path. */
    static Path unpackJni(String classpath, Path dir) {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.contains("aarch64") || arch.contains("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"));
        String entryName = "jni/libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + cpu + ".so";
        for (String element : classpath.split(File.pathSeparator)) {
            if (!element.contains("aws-lambda-java-runtime-interface-client")) {
                continue;
            }
            try (ZipFile jar = new ZipFile(element)) {
                ZipEntry entry = jar.getEntry(entryName);
                if (entry == null) {
                    throw new StackException("Lambda runtime interface client", "has no " + entryName + " in " + element);
                }
                Files.createDirectories(dir);
                Path target = dir.resolve("libaws-lambda-jni.so");
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                throw new StackException("Lambda runtime interface client", "cannot unpack its JNI library: "
                        + e.getMessage(), e);
            }
        }
        throw new StackException("Lambda runtime interface client", "not on " + classpath);
    }
}
