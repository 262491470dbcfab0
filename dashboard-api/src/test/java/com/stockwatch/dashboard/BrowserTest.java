package com.stockwatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}) driven by playwright-core ({@code src/test/browser/}) logs
 * in through the provider's login page, reads the inventory, filters to out of stock and saves screenshots under
 * {@code target/browser/}. Without node or chromium the test is skipped locally but fails when {@code CI=true}.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class BrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path OUTPUT = Path.of("target/browser").toAbsolutePath();

    @BeforeAll
    static void seed() {
        Fixtures.seed();
    }

    @Test
    void logsInFiltersAndShowsHostileNamesAsText() throws Exception {
        requireTool("node", commandWorks("node", "--version"));
        requireTool(CHROMIUM.toString(), Files.isExecutable(CHROMIUM));
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
            requireTool("npm", commandWorks("npm", "--version"));
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300).exitCode)
                    .as("npm ci in " + SCRIPT_DIR).isZero();
        }
        Files.createDirectories(OUTPUT);
        Result result = run(List.of("node", "dashboard.mjs", "http://localhost:" + RestAssured.port,
                OUTPUT.toString()), 180);
        System.out.println(result.output);
        assertThat(result.exitCode).as("browser test output:\n" + result.output).isZero();
        assertThat(OUTPUT.resolve("dashboard-out-of-stock.png")).isRegularFile();
    }

    /** Skips when a tool is missing on a developer machine; fails in CI, where .ci/run installs it. */
    private static void requireTool(String tool, boolean present) {
        if (present) {
            return;
        }
        String message = tool + " is not installed (apt-get install chromium nodejs npm; npm ci in " + SCRIPT_DIR + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("cannot read output: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5000);
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n"
                    + new String(output[0] == null ? new byte[0] : output[0], StandardCharsets.UTF_8));
        }
        reader.join(5000);
        return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }
}
