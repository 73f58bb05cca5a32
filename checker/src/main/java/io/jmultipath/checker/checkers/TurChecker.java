package io.jmultipath.checker.checkers;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Errno;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.ScsiVerdicts;
import io.jmultipath.checker.scsi.ScsiVerdicts.Verdict;
import io.jmultipath.checker.scsi.SgIo;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tur: SCSI TEST UNIT READY via SG_IO, up to 5 tries (see {@link ScsiVerdicts#tur}); ENOTTY is
 * WILD ("doesn't support this device"), other errors DOWN. Asynchronous like multipath-tools: a
 * TUR not answered within the wait is PENDING ("tur checker still running") and collected by a
 * later check; past checker_timeout it is TIMEOUT ("tur checker timed out"); never more than one
 * command (thread) per device.
 */
public final class TurChecker implements PathChecker {
    static final int TRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TurChecker.class);
    /** how long check() waits before answering PENDING ("tur checker still running") */
    public static final Duration DEFAULT_WAIT = Duration.ofMillis(100);
    private final SgIo sgio;
    private final BoundedRunner runner;
    private final Duration wait;

    public TurChecker(SgIo sgio, BoundedRunner runner) {
        this(sgio, runner, DEFAULT_WAIT);
    }

    public TurChecker(SgIo sgio, BoundedRunner runner, Duration wait) {
        this.sgio = sgio;
        this.runner = runner;
        this.wait = wait;
    }

    @Override
    public String name() {
        return "tur";
    }

    @Override
    public CheckResult check(PathHandle p) {
        long t0 = System.nanoTime();
        BoundedRunner.Outcome<CheckResult> o = runner.run(p.devNode().toString(), p.timeout(), wait,
            () -> checkSync(p));
        Duration lat = Duration.ofNanos(System.nanoTime() - t0);
        switch (o.kind()) {
            case DONE:
                return o.value().orElseThrow().withLatency(lat);
            case FAILED:
                LOG.warn("{}: tur check failed: {}", p.devName(), o.error().orElseThrow().toString());
                return new CheckResult(CheckState.DOWN, "tur checker reports path is down", lat);
            case PENDING:
                return new CheckResult(CheckState.PENDING, "tur checker still running", lat);
            default:
                return new CheckResult(CheckState.TIMEOUT, "tur checker timed out", lat);
        }
    }

    /** The synchronous check (tur_check), also used by tests with canned responses. */
    public CheckResult checkSync(PathHandle p) {
        long t0 = System.nanoTime();
        Verdict v = Verdict.DOWN;
        try {
            for (int left = TRIES - 1; left >= 0; left--) {
                v = ScsiVerdicts.tur(sgio.execute(p.devNode(), Cdbs.testUnitReady(p.timeout())), left > 0);
                if (v != Verdict.RETRY) {
                    break;
                }
            }
        } catch (ErrnoException e) {
            Duration lat = Duration.ofNanos(System.nanoTime() - t0);
            if (e.errno() == Errno.ENOTTY && "SG_IO".equals(e.operation())) {
                return new CheckResult(CheckState.WILD, "tur checker doesn't support this device", lat);
            }
            LOG.debug("{}: {}", p.devName(), e.getMessage());
            return new CheckResult(CheckState.DOWN, "tur checker reports path is down", lat);
        }
        return new CheckResult(ScsiVerdicts.state(v), "tur checker" + ScsiVerdicts.messageSuffix(v),
            Duration.ofNanos(System.nanoTime() - t0));
    }
}
