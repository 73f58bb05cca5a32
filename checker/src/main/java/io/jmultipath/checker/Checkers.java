package io.jmultipath.checker;

import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.BlockIos;
import io.jmultipath.checker.checkers.BoundedRunner;
import io.jmultipath.checker.checkers.DirectioChecker;
import io.jmultipath.checker.checkers.NoneChecker;
import io.jmultipath.checker.checkers.ReadSector0Checker;
import io.jmultipath.checker.checkers.TurChecker;
import io.jmultipath.checker.scsi.SgIo;
import java.util.List;

/**
 * Looks checkers up by their multipath.conf name (path_checker). Each created checker owns a
 * bounded worker pool ({@link #DEFAULT_MAX_THREADS} threads, idle threads exit after 30 s), so
 * create one instance per checker name and share it between paths.
 */
public final class Checkers {
    public static final int DEFAULT_MAX_THREADS = 64;

    private Checkers() {
    }

    public static List<String> names() {
        return List.of("directio", "tur", "readsector0", "none");
    }

    /** @throws IllegalArgumentException for an unknown checker name */
    public static PathChecker create(String name, SgIo sgio) {
        if ("directio".equals(name)) {
            return create(name, sgio, BlockIos.kernel(), DEFAULT_MAX_THREADS);
        }
        return create(name, sgio, null, DEFAULT_MAX_THREADS);
    }

    /** Variant with an explicit block I/O (directio) and worker bound. */
    public static PathChecker create(String name, SgIo sgio, BlockIo blockIo, int maxThreads) {
        switch (name) {
            case "directio":
                return new DirectioChecker(blockIo, new BoundedRunner("directio", maxThreads));
            case "tur":
                return new TurChecker(sgio, new BoundedRunner("tur", maxThreads));
            case "readsector0":
                return new ReadSector0Checker(sgio, new BoundedRunner("readsector0", maxThreads));
            case "none":
                return new NoneChecker();
            default:
                throw new IllegalArgumentException("unknown path checker: " + name);
        }
    }
}
