package com.stockwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the checkout, where {@code emulators/} lives, from any module's working directory. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /** The {@code stockwatch.root} system property (Maven sets it), else the nearest folder with {@code emulators/pom.xml}. */
    public static Path root() {
        String configured = System.getProperty("stockwatch.root");
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Stockwatch checkout (a folder with emulators/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("emulators/pom.xml"));
    }
}
