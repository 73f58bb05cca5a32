package io.jmultipath.selector;

import java.util.List;
import java.util.Optional;

/**
 * A model of one Linux dm path selector instance (one per priority group, as in the kernel).
 * Not thread-safe: the owner serialises calls (the kernel holds a spinlock).
 *
 * <p>Status/table text methods return the words the selector's {@code ps->type->status()}
 * emits, without the trailing space, so dm-mpath style output is assembled as
 * {@code name + " " + selectorArgs()} and {@code dev + " " + pathTableArgs(id)}.
 */
public interface PathSelector {

    /** The selector name as in the table, e.g. {@code "service-time"}. */
    String name();

    /** Adds a path with its per-path table args; IllegalArgumentException = kernel EINVAL. */
    void addPath(String pathId, List<String> pathArgs);

    /** Moves an active path to the head of the failed list (no-op if already failed). */
    void failPath(String pathId);

    /** Moves a failed path back to the valid list (no-op if already active). */
    void reinstatePath(String pathId);

    /** Chooses the path for the next I/O of {@code nrBytes}; empty when no valid path. */
    Optional<String> selectPath(long nrBytes);

    /** Accounts an I/O started on the path. */
    void startIo(String pathId, long nrBytes);

    /** Accounts an I/O completed on the path (startNanos/nowNanos from the injected clock). */
    void endIo(String pathId, long nrBytes, long startNanos, long nowNanos);

    /** Per-path info args as in dm status (without their count; "" for round-robin). */
    String pathStatusArgs(String pathId);

    /** Per-path table args as the kernel re-emits them in dm table (e.g. "1", "1 1", "0"). */
    String pathTableArgs(String pathId);

    /** The selector's own args with their count, as in table and status: "0", "2 972 0". */
    String selectorArgs();

    /** {@code table_args}: the per-path arg count the kernel declares in table output. */
    int tableArgCount();

    /** {@code info_args}: the per-path arg count the kernel declares in status output. */
    int statusArgCount();
}
