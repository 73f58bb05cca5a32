package io.jmultipath.checker.checkers;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * directio: O_DIRECT read of one block at offset 0; UP if the whole block was read, DOWN on a
 * short read or an error. Asynchronous: a read not finished within the wait is PENDING ("is waiting
 * on aio") and collected by a later check. Past checker_timeout the read is given up and the path is
 * DOWN, as multipath-tools' directio does after io_cancel ("reports path is down"; multipathd shows
 * "faulty", not "i/o timeout"); while that read stays outstanding, further checks of the device are
 * DOWN at once without issuing another read (one stuck worker per hung device, never more).
 */
public final class DirectioChecker implements PathChecker {
    private static final Logger LOG = LoggerFactory.getLogger(DirectioChecker.class);
    private final BlockIo io;
    private final BoundedRunner runner;
    private final Duration wait;

    public DirectioChecker(BlockIo io, BoundedRunner runner) {
        this(io, runner, TurChecker.DEFAULT_WAIT);
    }

    /** wait: how long check() waits for the read before answering PENDING ("is waiting on aio"). */
    public DirectioChecker(BlockIo io, BoundedRunner runner, Duration wait) {
        this.io = io;
        this.runner = runner;
        this.wait = wait;
    }

    @Override
    public String name() {
        return "directio";
    }

    @Override
    public CheckResult check(PathHandle p) {
        long t0 = System.nanoTime();
        BoundedRunner.Outcome<DirectRead> o = runner.run(p.devNode().toString(), p.timeout(), wait,
            () -> io.readFirstBlock(p.devNode()));
        Duration lat = Duration.ofNanos(System.nanoTime() - t0);
        switch (o.kind()) {
            case DONE: {
                DirectRead r = o.value().orElseThrow();
                if (r.complete()) {
                    return new CheckResult(CheckState.UP, "directio checker reports path is up", lat);
                }
                LOG.debug("{}: directio short read {} of {} bytes", p.devName(), r.bytesRead(), r.blockSize());
                return new CheckResult(CheckState.DOWN, "directio checker reports path is down", lat);
            }
            case FAILED: {
                Exception e = o.error().orElseThrow();
                if (!(e instanceof ErrnoException)) {
                    LOG.warn("{}: directio read failed: {}", p.devName(), e.toString());
                } else {
                    LOG.debug("{}: directio read failed: {}", p.devName(), e.getMessage());
                }
                return new CheckResult(CheckState.DOWN, "directio checker reports path is down", lat);
            }
            case PENDING:
                return new CheckResult(CheckState.PENDING, "directio checker is waiting on aio", lat);
            default:
                LOG.debug("{}: directio read not done after {} ms: abort check on timeout", p.devName(),
                    p.timeout().toMillis());
                return new CheckResult(CheckState.DOWN, "directio checker reports path is down", lat);
        }
    }
}
