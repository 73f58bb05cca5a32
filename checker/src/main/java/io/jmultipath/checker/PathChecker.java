package io.jmultipath.checker;

/**
 * A path checker. {@link #check} blocks for at most about the handle's timeout (checkers that
 * can hang keep their own bounded workers); the scheduler bounds concurrency. Implementations
 * are thread-safe and may be shared by many paths.
 */
public interface PathChecker {
    String name();

    CheckResult check(PathHandle p);
}
