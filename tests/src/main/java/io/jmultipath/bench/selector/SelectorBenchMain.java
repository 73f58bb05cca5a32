package io.jmultipath.bench.selector;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link SelectorBenchmark} and prints one line per selector/benchmark in ns/op. */
public final class SelectorBenchMain {

    private SelectorBenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder().include(SelectorBenchmark.class.getName()).build();
        System.out.printf(Locale.ROOT, "%-26s %-12s %12s %10s%n", "selector", "benchmark", "ns/op", "error");
        for (RunResult r : new Runner(opts).run()) {
            String bench = r.getParams().getBenchmark();
            System.out.printf(Locale.ROOT, "%-26s %-12s %12.1f %10.1f%n", r.getParams().getParam("selector"),
                    bench.substring(bench.lastIndexOf('.') + 1), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError());
        }
    }
}
