package com.stockwatch.loader.write;

import java.util.ArrayList;
import java.util.List;

/** Counts of item write outcomes for one file, plus the first failure messages (for logs, not for clerks). */
public record WriteTally(long written, long unchanged, long stale, long failed, List<String> failures) {

    public static final WriteTally NONE = new WriteTally(0, 0, 0, 0, List.of());

    /** Both tallies together (an earlier invocation's and this one's). */
    public WriteTally plus(WriteTally other) {
        List<String> both = new ArrayList<>(failures);
        both.addAll(other.failures());
        return new WriteTally(written + other.written, unchanged + other.unchanged, stale + other.stale,
                failed + other.failed, List.copyOf(both));
    }
}
