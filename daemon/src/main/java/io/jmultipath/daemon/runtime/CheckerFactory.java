package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.PathChecker;

/** Creates the checker a path is configured with ("tur", "directio", …). */
@FunctionalInterface
public interface CheckerFactory {
    PathChecker create(String name);
}
