package io.jmultipath.checker.prio;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import io.jmultipath.checker.checkers.BoundedRunner;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * path_latency: io_num direct reads of block 0 (through the directio machinery); the mean of
 * log_base(latency in us) is mapped to a priority as multipath-tools does:
 * (int)(log_base(1e8) - mean), capped at (int)log_base(1e8) for latencies <= 1 us, 0 above 100 s.
 * Args "io_num=N base_num=B" (N 20..200, B 1.1..10); invalid args use io_num=100 base_num=10^(1/4).
 * A failed or timed-out read gives -1.
 */
public final class PathLatencyPrioritizer implements Prioritizer {
    static final int MIN_IO_NUM = 20;
    static final int MAX_IO_NUM = 200;
    static final int DEF_IO_NUM = 100;
    static final double MIN_BASE_NUM = 1.1;
    static final double MAX_BASE_NUM = 10;
    static final double DEF_BASE_NUM = 1.77827941004;
    static final double MAX_AVG_LATENCY = 100000000.;
    static final double MIN_AVG_LATENCY = 1.;
    private static final Logger LOG = LoggerFactory.getLogger(PathLatencyPrioritizer.class);

    /** Parsed prio_args. */
    public record Args(int ioNum, double baseNum) {
    }

    private final BlockIo io;
    private final BoundedRunner runner;
    private final LongSupplier nanoClock;

    public PathLatencyPrioritizer(BlockIo io, BoundedRunner runner, LongSupplier nanoClock) {
        this.io = io;
        this.runner = runner;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return "path_latency";
    }

    /** get_ionum_and_basenum: the first two words; both required and in range, else empty. */
    public static Optional<Args> parseArgs(String args) {
        if (args == null) {
            return Optional.empty();
        }
        String[] w = args.trim().split("[ \t]+");
        Integer ioNum = null;
        Double base = null;
        for (int i = 0; i < Math.min(2, w.length); i++) {
            try {
                if (w[i].startsWith("io_num=") && w[i].length() > 7) {
                    ioNum = Integer.parseInt(w[i].substring(7));
                } else if (w[i].startsWith("base_num=") && w[i].length() > 9) {
                    base = Double.parseDouble(w[i].substring(9));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (ioNum == null || base == null || ioNum < MIN_IO_NUM || ioNum > MAX_IO_NUM
            || base < MIN_BASE_NUM || base > MAX_BASE_NUM) {
            return Optional.empty();
        }
        return Optional.of(new Args(ioNum, base));
    }

    /** calcPrio on log_base values. */
    static int calcPrio(double lgAvg, double lgMax, double lgMin) {
        if (lgAvg <= lgMin) {
            return (int) (lgMax - lgMin);
        }
        if (lgAvg >= lgMax) {
            return 0;
        }
        return (int) (lgMax - lgAvg);
    }

    @Override
    public int priority(PathHandle p, String prioArgs) {
        Args a = parseArgs(prioArgs).orElseGet(() -> {
            LOG.warn("{}: fails to get path_latency args, set default:io_num={} base_num={}",
                p.devName(), DEF_IO_NUM, String.format("%.3f", DEF_BASE_NUM));
            return new Args(DEF_IO_NUM, DEF_BASE_NUM);
        });
        double lgBase = Math.log(a.baseNum());
        double lgMax = Math.log(MAX_AVG_LATENCY) / lgBase;
        double lgMin = Math.log(MIN_AVG_LATENCY) / lgBase;
        double lgTotal = 0;
        for (int i = 0; i < a.ioNum(); i++) {
            long before = nanoClock.getAsLong();
            BoundedRunner.Outcome<DirectRead> o = runner.run(p.devNode().toString(), p.timeout(),
                () -> io.readFirstBlock(p.devNode()));
            long after = nanoClock.getAsLong();
            if (o.kind() != BoundedRunner.Kind.DONE || !o.value().orElseThrow().complete()) {
                LOG.info("{}: path_latency prio: path down", p.devName());
                return PRIO_UNDEF;
            }
            long us = (after - before) / 1000;
            if (us == 0) {
                continue;
            }
            lgTotal += Math.log(us) / lgBase;
        }
        double lgAvg = lgTotal / a.ioNum();
        if (lgAvg > lgMax) {
            return 0;
        }
        return calcPrio(lgAvg, lgMax, lgMin);
    }
}
