package io.jmultipath.checker.checkers;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.util.concurrent.locks.LockSupport;

/** Re-checks while PENDING, as the scheduler does on its next tick (bounded by the checker timeout). */
final class Settle {
    private Settle() {
    }

    static CheckResult check(PathChecker c, PathHandle h) {
        long end = System.nanoTime() + h.timeout().toNanos() * 2;
        CheckResult r = c.check(h);
        while (asyncPending(r) && System.nanoTime() < end) {
            LockSupport.parkNanos(10_000_000L);
            r = c.check(h);
        }
        return r;
    }

    /** PENDING because the I/O is still outstanding (not e.g. an ALUA transition reported by the device). */
    static boolean asyncPending(CheckResult r) {
        return r.state() == CheckState.PENDING
            && (r.message().endsWith(" still running") || r.message().endsWith(" is waiting on aio"));
    }
}
