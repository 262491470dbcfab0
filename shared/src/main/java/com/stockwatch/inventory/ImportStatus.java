package com.stockwatch.inventory;

/**
 * State of one imported file. {@link #RUNNING} is the only state that is not final: the record shows progress while
 * the file is loaded (updated every few seconds, also across continuations) and ends exactly once in one of the four
 * final states.
 */
public enum ImportStatus {
    /** Being loaded: rows and bytes done so far, the last checkpoint; not a final outcome. */
    RUNNING,
    /** Every row was valid and stored (or already up to date). */
    LOADED,
    /** Some rows were rejected; every valid row was stored. */
    PARTIAL,
    /** The file could not be read at all; nothing was written. */
    REJECTED,
    /** Valid rows could not be stored (DynamoDB kept failing); the invocation fails so Lambda retries. */
    FAILED;

    /** Whether this is an outcome (every state but {@link #RUNNING}). */
    public boolean isFinal() {
        return this != RUNNING;
    }

    /**
     * The status named {@code name} when it is one an import ends with (LOADED, PARTIAL, REJECTED, FAILED); empty
     * for anything else, such as a status written while an import is still running, or one this code does not know.
     */
    public static java.util.Optional<ImportStatus> finished(String name) {
        return java.util.stream.Stream.of(values()).filter(ImportStatus::isFinal)
                .filter(status -> status.name().equals(name)).findFirst();
    }
}
