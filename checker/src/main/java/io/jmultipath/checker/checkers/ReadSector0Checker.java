package io.jmultipath.checker.checkers;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.ScsiVerdicts;
import io.jmultipath.checker.scsi.ScsiVerdicts.Verdict;
import io.jmultipath.checker.scsi.SgIo;
import java.time.Duration;

/**
 * readsector0: SG_IO READ(10) of sector 0 into a 4 KiB buffer (libsg sg_read): good status UP,
 * UNIT ATTENTION retried 3 times, ENOMEM from the ioctl counts as UP, anything else DOWN.
 */
public final class ReadSector0Checker implements PathChecker {
    static final int BUFFER = 4096;
    static final int RETRIES = 3;
    static final int ENOMEM = 12;
    private final SgIo sgio;
    private final BoundedRunner runner;

    public ReadSector0Checker(SgIo sgio, BoundedRunner runner) {
        this.sgio = sgio;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "readsector0";
    }

    @Override
    public CheckResult check(PathHandle p) {
        long t0 = System.nanoTime();
        BoundedRunner.Outcome<CheckResult> o = runner.run(p.devNode().toString(), p.timeout(), () -> checkSync(p));
        Duration lat = Duration.ofNanos(System.nanoTime() - t0);
        switch (o.kind()) {
            case DONE:
                return o.value().orElseThrow().withLatency(lat);
            case FAILED:
                return new CheckResult(CheckState.DOWN, "readsector0 checker reports path is down", lat);
            default:
                return new CheckResult(CheckState.TIMEOUT, "readsector0 checker timed out", lat);
        }
    }

    public CheckResult checkSync(PathHandle p) {
        long t0 = System.nanoTime();
        Verdict v = Verdict.DOWN;
        try {
            for (int left = RETRIES; left >= 0; left--) {
                v = ScsiVerdicts.read(sgio.execute(p.devNode(), Cdbs.read10Sector0(BUFFER, 1, p.timeout())), left > 0);
                if (v != Verdict.RETRY) {
                    break;
                }
            }
        } catch (ErrnoException e) {
            v = e.errno() == ENOMEM && "SG_IO".equals(e.operation()) ? Verdict.UP : Verdict.DOWN;
        }
        CheckState s = v == Verdict.UP ? CheckState.UP : CheckState.DOWN;
        return new CheckResult(s, "readsector0 checker reports path is " + (s == CheckState.UP ? "up" : "down"),
            Duration.ofNanos(System.nanoTime() - t0));
    }
}
