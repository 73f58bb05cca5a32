package io.jmultipath.selector;

import java.util.Optional;
import java.util.List;

/**
 * A model of one Linux dm path selector instance (one per priority group, as in the kernel).
 * Not thread-safe: the owner serialises calls (the kernel holds a spinlock).
 */
public interface PathSelector {

    /** The selector name as in the table, e.g. {@code "service-time"}. */
    String name();

    /** Adds a path with its per-path table args; IllegalArgumentException = kernel EINVAL. */
    void addPath(String pathId, List<String> pathArgs);

    /** Moves the path to the failed list (fail_path). Unknown paths are ignored. */
    void failPath(String pathId);

    /** Moves the path back to the valid list (reinstate_path). Unknown paths are ignored. */
    void reinstatePath(String pathId);

    /** Chooses the path for the next I/O of {@code nrBytes}; empty when no valid path. */
    Optional<String> selectPath(long nrBytes);

    /** Accounts an I/O started on the path. */
    void startIo(String pathId, long nrBytes);

    /** Accounts an I/O completed on the path (startNanos/nowNanos from the injected clock). */
    void endIo(String pathId, long nrBytes, long startNanos, long nowNanos);

    /** Per-path info args as the kernel prints them in dm status (without the count). */
    String pathStatusArgs(String pathId);

    /** Number of per-path status info args the kernel declares for this selector. */
    int pathStatusArgCount();

    /** Per-path table args as the kernel prints them in dm table (without the count). */
    String pathTableArgs(String pathId);
}
