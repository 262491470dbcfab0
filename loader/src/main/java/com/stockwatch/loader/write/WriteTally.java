package com.stockwatch.loader.write;

import java.util.List;

/** Counts of item write outcomes for one file, plus the first failure messages (for logs, not for clerks). */
public record WriteTally(long written, long unchanged, long stale, long failed, List<String> failures) {
}
