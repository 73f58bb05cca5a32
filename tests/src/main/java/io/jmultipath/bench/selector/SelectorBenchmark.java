package io.jmultipath.bench.selector;

import io.jmultipath.selector.PathSelector;
import io.jmultipath.selector.PathSelectors;
import io.jmultipath.selector.SelectorSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the selector models on the I/O path: one {@code ioCycle} = selectPath + startIo for a
 * new I/O and endIo for the oldest of {@code inFlight} outstanding ones (a steady queue), over
 * {@code paths} valid paths; {@code selectOnly} = selectPath alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectorBenchmark {

    @Param({"round-robin", "queue-length", "service-time", "historical-service-time"})
    public String selector;

    @Param({"4"})
    public int paths;

    @Param({"16"})
    public int inFlight;

    private PathSelector ps;
    private String[] ring;
    private long[] started;
    private int head;
    private long clock;

    @Setup
    public void setup() {
        ps = PathSelectors.create(new SelectorSpec(selector, List.of()), () -> clock);
        for (int i = 0; i < paths; i++) {
            ps.addPath("8:" + (16 * (i + 1)), List.of("1"));
        }
        ring = new String[inFlight];
        started = new long[inFlight];
        for (int i = 0; i < inFlight; i++) {
            ring[i] = ps.selectPath(4096).orElseThrow();
            ps.startIo(ring[i], 4096);
            started[i] = clock;
            clock += 10_000;
        }
    }

    @Benchmark
    public String ioCycle() {
        clock += 10_000 + (head & 7) * 1_000; // vary service times a little for historical-service-time
        ps.endIo(ring[head], 4096, started[head], clock);
        String p = ps.selectPath(4096).orElseThrow();
        ps.startIo(p, 4096);
        ring[head] = p;
        started[head] = clock;
        head = (head + 1) % ring.length;
        return p;
    }

    @Benchmark
    public Object selectOnly() {
        return ps.selectPath(4096);
    }
}
