package io.jmultipath.selector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The valid/failed list bookkeeping shared by the kernel selectors. The kernel keeps each path's
 * {@code path_info} on exactly one of two {@code list_head}s; {@code list_move} puts it at the
 * head, {@code list_move_tail} at the tail. Lists here are small (one per priority group), so an
 * {@link ArrayList} gives the same order semantics cheaply.
 *
 * <p>dm-mpath only calls {@code fail_path} for an active path and {@code reinstate_path} for a
 * failed one ({@code fail_path()}/{@code reinstate_path()} in dm-mpath.c test
 * {@code pgpath->is_active}); this class applies the same guard so a repeated fail is a no-op.
 *
 * @param <P> the per-path state ({@code struct path_info})
 */
abstract class AbstractPathSelector<P extends AbstractPathSelector.PathInfo> implements PathSelector {

    /** Per-path state common to all selectors. */
    static class PathInfo {
        final String id;
        final long repeatCount;
        boolean active = true;

        PathInfo(String id, long repeatCount) {
            this.id = id;
            this.repeatCount = repeatCount;
        }
    }

    final List<P> valid = new ArrayList<>();
    final List<P> failed = new ArrayList<>();
    private final Map<String, P> byId = new HashMap<>();

    /** Builds the path info from the per-path args or throws IllegalArgumentException (EINVAL). */
    abstract P newPath(String pathId, List<String> pathArgs);

    @Override
    public final void addPath(String pathId, List<String> pathArgs) {
        Objects.requireNonNull(pathId, "pathId");
        Objects.requireNonNull(pathArgs, "pathArgs");
        if (byId.containsKey(pathId)) {
            throw new IllegalArgumentException(name() + " ps: path " + pathId + " already added");
        }
        P p = newPath(pathId, pathArgs);
        byId.put(pathId, p);
        valid.add(p); // list_add_tail(&pi->list, &s->valid_paths)
        onValidCountChange(1);
    }

    @Override
    public final void failPath(String pathId) {
        P p = path(pathId);
        if (!p.active) {
            return;
        }
        p.active = false;
        valid.remove(p);
        failed.add(0, p); // list_move(&pi->list, &s->failed_paths): to the head
        onValidCountChange(-1);
    }

    @Override
    public final void reinstatePath(String pathId) {
        P p = path(pathId);
        if (p.active) {
            return;
        }
        p.active = true;
        failed.remove(p);
        if (reinstateAtHead()) {
            valid.add(0, p);
        } else {
            valid.add(p);
        }
        onValidCountChange(1);
    }

    /** round-robin uses list_move (head) on reinstate; the others list_move_tail. */
    boolean reinstateAtHead() {
        return false;
    }

    void onValidCountChange(int delta) {
    }

    /** Moves the chosen path to the tail of the valid list and returns its id. */
    final Optional<String> chose(P best) {
        if (best == null) {
            return Optional.empty();
        }
        if (valid.get(valid.size() - 1) != best) {
            valid.remove(best);
            valid.add(best); // list_move_tail(&best->list, &s->valid_paths)
        }
        return Optional.of(best.id);
    }

    final P path(String pathId) {
        P p = byId.get(pathId);
        if (p == null) {
            throw new IllegalArgumentException(name() + " ps: unknown path " + pathId);
        }
        return p;
    }

    /** The valid paths in list order (head first), for tests and status. */
    public final List<String> validOrder() {
        List<String> ids = new ArrayList<>(valid.size());
        for (P p : valid) {
            ids.add(p.id);
        }
        return ids;
    }

    /** The failed paths in list order (head first). */
    public final List<String> failedOrder() {
        List<String> ids = new ArrayList<>(failed.size());
        for (P p : failed) {
            ids.add(p.id);
        }
        return ids;
    }

    @Override
    public String selectorArgs() {
        return "0";
    }

    /**
     * Parses the optional repeat_count like rr/ql/st add_path: default 1, invalid -> EINVAL,
     * values above 1 are accepted but replaced by 1 ("repeat_count > 1 is deprecated, using 1
     * instead").
     */
    final long repeatCount(List<String> pathArgs, int maxArgs) {
        if (pathArgs.size() > maxArgs) {
            throw new IllegalArgumentException(name() + " ps: incorrect number of arguments");
        }
        if (pathArgs.isEmpty()) {
            return 1;
        }
        long rc = KernelArgs.parseUnsigned(pathArgs.get(0)).orElseThrow(
                () -> new IllegalArgumentException(name() + " ps: invalid repeat count"));
        return Math.min(rc, 1);
    }
}
