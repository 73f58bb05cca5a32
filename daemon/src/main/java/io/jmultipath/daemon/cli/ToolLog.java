package io.jmultipath.daemon.cli;

import java.io.PrintStream;

/**
 * multipath(8)'s condlog on stderr: a message of level L is printed when the verbosity (-v) is at
 * least L, prefixed like LOGSINK_STDERR_WITH_TIME with the monotonic clock ("27.176591 | ").
 */
final class ToolLog {

    private final int verbosity;
    private final PrintStream err;

    ToolLog(int verbosity, PrintStream err) {
        this.verbosity = verbosity;
        this.err = err;
    }

    void log(int level, String message) {
        if (verbosity < level) {
            return;
        }
        long ns = System.nanoTime(); // CLOCK_MONOTONIC on Linux, like multipath-tools' get_monotonic_time
        err.printf("%d.%06d | %s%n", ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000, message);
    }
}
