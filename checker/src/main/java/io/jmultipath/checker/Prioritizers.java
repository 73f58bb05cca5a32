package io.jmultipath.checker;

import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.BlockIos;
import io.jmultipath.checker.checkers.BoundedRunner;
import io.jmultipath.checker.prio.AluaPrioritizer;
import io.jmultipath.checker.prio.ConstPrioritizer;
import io.jmultipath.checker.prio.PathLatencyPrioritizer;
import io.jmultipath.checker.prio.RandomPrioritizer;
import io.jmultipath.checker.prio.SysfsPrioritizer;
import io.jmultipath.checker.prio.WeightedPathPrioritizer;
import io.jmultipath.checker.scsi.SgIo;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Looks prioritizers up by their multipath.conf name (prio). */
public final class Prioritizers {
    private Prioritizers() {
    }

    public static List<String> names() {
        return List.of("const", "sysfs", "alua", "weightedpath", "random", "path_latency");
    }

    /** @throws IllegalArgumentException for an unknown prioritizer name */
    public static Prioritizer create(String name, SgIo sgio) {
        if ("path_latency".equals(name)) {
            return create(name, sgio, BlockIos.kernel(), new Random());
        }
        return create(name, sgio, null, new Random());
    }

    /** Variant with explicit block I/O (path_latency) and random source (random). */
    public static Prioritizer create(String name, SgIo sgio, BlockIo blockIo, RandomGenerator random) {
        switch (name) {
            case "const": return new ConstPrioritizer();
            case "sysfs": return new SysfsPrioritizer();
            case "alua": return new AluaPrioritizer(sgio);
            case "weightedpath": return new WeightedPathPrioritizer();
            case "random": return new RandomPrioritizer(random);
            case "path_latency":
                return new PathLatencyPrioritizer(blockIo, new BoundedRunner("path_latency", 8), System::nanoTime);
            default:
                throw new IllegalArgumentException("unknown prioritizer: " + name);
        }
    }
}
