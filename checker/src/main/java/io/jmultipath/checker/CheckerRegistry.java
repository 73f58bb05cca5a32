package io.jmultipath.checker;

import io.jmultipath.checker.scsi.SgIo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared checker instance per name (each checker owns a bounded worker pool, so sharing keeps
 * the thread count bounded by the number of checker names, not paths). The daemon's composition
 * root should hold one registry: {@code registry::get} fits a {@code name -> PathChecker} factory.
 */
public final class CheckerRegistry {
    private final SgIo sgio;
    private final Map<String, PathChecker> checkers = new ConcurrentHashMap<>();

    public CheckerRegistry(SgIo sgio) {
        this.sgio = sgio;
    }

    /** @throws IllegalArgumentException for an unknown checker name */
    public PathChecker get(String name) {
        return checkers.computeIfAbsent(name, n -> Checkers.create(n, sgio));
    }
}
