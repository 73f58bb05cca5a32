package io.jmultipath.selector.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * {@code jmultipath simulate}: a seeded, deterministic what-if simulation of the kernel path
 * selectors over modelled paths. Exit codes: 0 ok, 1 output file could not be written,
 * 2 bad arguments (one-line usage error on err).
 */
public final class SimulateCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: jmultipath simulate --path NAME[:KEY=VAL,...] [--path ...] [OPTIONS]",
            "Simulate the Linux dm-multipath path selectors (exact Java models of dm-ps-*.c) on",
            "modelled paths under a closed-loop workload; deterministic for a given --seed.",
            "",
            "Paths (at least one --path; KEYs, all optional):",
            "  latency=DUR     base service time of a read (default 1ms)",
            "  wlatency=DUR    base service time of a write (default = latency)",
            "  jitter=DUR      mean of an exponential extra delay (default latency/10)",
            "  bandwidth=RATE  serial link rate, binary units, e.g. 200MB/s (default unlimited)",
            "  depth=N         I/Os the device serves at once; more wait in its queue (default 32)",
            "  fail=DUR        time the path fails: its queued/in-flight I/Os are retried elsewhere",
            "  recover=DUR     time the failed path is reinstated",
            "  weight=N        service-time relative_throughput 0..100 (default 1)",
            "Workload:",
            "  --io-size SIZE      bytes per I/O, binary units: 512, 4k, 128k, 1M (default 4k)",
            "  --iodepth N         I/Os kept outstanding (default 32)",
            "  --read-pct N        percentage of reads, 0..100 (default 100)",
            "  --ios N             stop issuing after N I/Os (default 100000; max 20000000)",
            "  --duration DUR      stop issuing at this simulated time (e.g. 10s)",
            "  --seed N            random seed (default 1)",
            "Selectors:",
            "  --selector LIST     comma-separated names or table forms (default",
            "                      round-robin,queue-length,service-time,historical-service-time;",
            "                      e.g. \"historical-service-time 2 900 0\")",
            "  --repeat-count N    per-path repeat_count table arg (default 1, as multipath writes)",
            "Output:",
            "  --csv FILE          also write the results as CSV",
            "  --png FILE          also write a chart (latency p50/p99, per-path share) as PNG",
            "  --help              this text",
            "",
            "Example: jmultipath simulate --path fast:latency=1ms --path slow:latency=4ms --iodepth 16",
            "");

    private SimulateCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        SimOptions o;
        try {
            o = SimOptions.parse(args);
        } catch (UsageException e) {
            err.println("simulate: " + e.getMessage() + " (see jmultipath simulate --help)");
            return 2;
        }
        if (o.help()) {
            out.print(USAGE);
            return 0;
        }
        List<SimResult> results = simulate(o);
        out.print(Report.header(o));
        out.print(Report.table(o, results));
        try {
            if (o.csv().isPresent()) {
                Files.writeString(Path.of(o.csv().get()), Report.csv(o, results), StandardCharsets.UTF_8);
            }
            if (o.png().isPresent()) {
                if (!ImageIO.write(Chart.render(o, results), "png", Path.of(o.png().get()).toFile())) {
                    throw new IOException("no PNG writer available");
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("simulate: cannot write output: " + oneLine(e));
            return 1;
        }
        return 0;
    }

    /** Runs every selected selector over the same paths and workload. */
    static List<SimResult> simulate(SimOptions o) {
        List<SimResult> results = new ArrayList<>();
        for (var spec : o.selectors()) {
            results.add(new Simulator(o, spec).run());
        }
        return results;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            m = e.getClass().getSimpleName().replace("Exception", "") + ": " + m;
        }
        return m.replace('\n', ' ');
    }
}
