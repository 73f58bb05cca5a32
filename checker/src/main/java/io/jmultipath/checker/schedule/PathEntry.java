package io.jmultipath.checker.schedule;

import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;

/** Mutable per-path schedule state; guarded by the scheduler's lock. */
final class PathEntry {
    final String id;
    final PathHandle handle;
    final PathChecker checker;
    final long poll;
    final long max;
    final long phase;
    final String group;
    long checkint;
    long dueAt;
    /** bumped whenever dueAt changes, so stale queue slots are ignored */
    long version;
    /** token of the running check, 0 when none */
    long runToken;
    long startedAt;
    long dueWhenStarted;
    /** running check already reported as TIMEOUT and no longer counted in flight */
    boolean expired;
    CheckState last = CheckState.UNCHECKED;
    /** written only by the thread running this path's (single) check */
    volatile boolean failureLogged;

    PathEntry(String id, PathHandle handle, PathChecker checker, long poll, long max, long phase, String group) {
        this.id = id;
        this.handle = handle;
        this.checker = checker;
        this.poll = poll;
        this.max = max;
        this.phase = phase;
        this.group = group;
        this.checkint = poll;
    }

    boolean running() {
        return runToken != 0;
    }

    long expiry(long grace) {
        return startedAt + handle.timeout().toNanos() + grace;
    }

    /** multipathd's backoff: reset on change or failure, double while healthy, PENDING keeps it. */
    void adjustInterval(CheckState s) {
        if (s == CheckState.PENDING) {
            return;
        }
        if (s != last || !s.isHealthy()) {
            checkint = poll;
        } else if (checkint < max / 2) {
            checkint = 2 * checkint;
        } else {
            checkint = max;
        }
    }
}
