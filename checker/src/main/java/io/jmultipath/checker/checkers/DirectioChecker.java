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
 * short read or an error; a read still outstanding after checker_timeout is TIMEOUT, and while it
 * stays outstanding further checks of that device return TIMEOUT without issuing another read.
 */
public final class DirectioChecker implements PathChecker {
    private static final Logger LOG = LoggerFactory.getLogger(DirectioChecker.class);
    private final BlockIo io;
    private final BoundedRunner runner;

    public DirectioChecker(BlockIo io, BoundedRunner runner) {
        this.io = io;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "directio";
    }

    @Override
    public CheckResult check(PathHandle p) {
        long t0 = System.nanoTime();
        BoundedRunner.Outcome<DirectRead> o = runner.run(p.devNode().toString(), p.timeout(),
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
            default:
                LOG.debug("{}: directio read {}", p.devName(), o.kind());
                return new CheckResult(CheckState.TIMEOUT, "directio checker timed out", lat);
        }
    }
}
