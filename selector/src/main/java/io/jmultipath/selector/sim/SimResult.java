package io.jmultipath.selector.sim;

import io.jmultipath.selector.SelectorSpec;
import java.util.List;

/**
 * Outcome of one simulated run: completed I/Os, bytes, simulated elapsed time, sorted latencies
 * (submit to completion, nanoseconds, including retries and no-path queueing) and I/Os
 * completed per path (in {@link SimOptions#paths()} order).
 */
record SimResult(SelectorSpec selector, long ios, long bytes, long elapsedNs, long[] sortedLatencies,
                 long[] perPath, List<String> pathNames, long requeued,
                 long stranded) {

    double iops() {
        return elapsedNs == 0 ? 0 : ios * 1e9 / elapsedNs;
    }

    double mbPerSec() {
        return elapsedNs == 0 ? 0 : bytes * 1e9 / elapsedNs / (1 << 20);
    }

    /** Nearest-rank percentile (0 < q <= 1). */
    long percentile(double q) {
        if (sortedLatencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sortedLatencies.length);
        return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))];
    }

    long meanNs() {
        if (sortedLatencies.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long l : sortedLatencies) {
            sum += l;
        }
        return Math.round(sum / sortedLatencies.length);
    }

    long maxNs() {
        return sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
    }

    double share(int path) {
        return ios == 0 ? 0 : 100.0 * perPath[path] / ios;
    }
}
