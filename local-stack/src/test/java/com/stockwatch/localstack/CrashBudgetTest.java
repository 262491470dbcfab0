package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CrashBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFifthCrashWithinAMinuteGivesUp() {
        CrashBudget budget = new CrashBudget(5, Duration.ofSeconds(60));

        for (int i = 0; i < 4; i++) {
            assertThat(budget.crashed(i * 10 * SECOND)).as("crash %d", i + 1).isTrue();
        }
        assertThat(budget.crashed(45 * SECOND)).isFalse();
    }

    @Test
    void crashesSpreadOverTimeAreRestartedForever() {
        CrashBudget budget = new CrashBudget(5, Duration.ofSeconds(60));

        for (int i = 0; i < 50; i++) {
            assertThat(budget.crashed(i * 20 * SECOND)).as("crash %d", i + 1).isTrue();
        }
    }
}
