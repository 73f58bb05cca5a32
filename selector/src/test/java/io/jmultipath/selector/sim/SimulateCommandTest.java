package io.jmultipath.selector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {

    /** The README command: two paths, the slow one 4x the latency, devices serving 8 at once. */
    static final List<String> TWO_PATHS = List.of("--path", "fast:latency=1ms,depth=8",
            "--path", "slow:latency=4ms,depth=8", "--iodepth", "32", "--ios", "50000");

    private record Run(int rc, String out, String err) {}

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = SimulateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serviceTimeAndQueueLengthBeatRoundRobinOnP99WithOneSlowPath() throws Exception {
        List<SimResult> rs = SimulateCommand.simulate(SimOptions.parse(TWO_PATHS));
        SimResult rr = rs.get(0);
        SimResult ql = rs.get(1);
        SimResult st = rs.get(2);
        assertEquals("round-robin", rr.selector().name());
        assertEquals("queue-length", ql.selector().name());
        assertEquals("service-time", st.selector().name());
        long rrP99 = rr.percentile(0.99);
        assertTrue(st.percentile(0.99) < rrP99 * 0.75, "service-time p99 " + st.percentile(0.99) + " vs rr " + rrP99);
        assertTrue(ql.percentile(0.99) < rrP99 * 0.75, "queue-length p99 " + ql.percentile(0.99) + " vs rr " + rrP99);
        assertTrue(st.iops() > rr.iops() && ql.iops() > rr.iops());
        // round-robin alternates strictly; the adaptive selectors send the slow path less.
        assertEquals(50.0, rr.share(0), 0.01);
        assertTrue(st.share(1) < 30 && ql.share(1) < 30);
        for (SimResult r : rs) {
            assertEquals(50000, r.ios());
            assertEquals(0, r.stranded());
        }
    }

    @Test
    void deterministicTablePrinted() {
        Run a = run(TWO_PATHS);
        Run b = run(TWO_PATHS);
        assertEquals(0, a.rc());
        assertEquals("", a.err());
        assertEquals(a.out(), b.out());
        String[] lines = a.out().split("\\R");
        assertEquals("simulate: 2 paths, 4KiB I/Os, 100% read, iodepth 32, 50000 I/Os, seed 1", lines[0]);
        assertTrue(lines[3].startsWith("selector "), lines[3]);
        assertTrue(lines[3].endsWith("   fast    slow"), lines[3]);
        assertTrue(lines[4].startsWith("round-robin 0 "), lines[4]);
        assertTrue(lines[4].endsWith("  50.0%   50.0%"), lines[4]);
        assertEquals(lines[3].length(), lines[4].length(), "fixed-width rows");
        assertEquals(8, lines.length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--foo|simulate: unknown option --foo (see jmultipath simulate --help)",
        "--path|simulate: --path needs a value (see jmultipath simulate --help)",
        "--iodepth 4|simulate: at least one --path is required (see jmultipath simulate --help)",
        "--path a:latency=xyz|simulate: --path a:latency=xyz: invalid duration 'xyz' (see jmultipath simulate --help)",
        "--path a:depth=0|simulate: --path a:depth=0: depth: expected an integer 1..65536, got '0' (see jmultipath simulate --help)",
        "--path a --iodepth -3|simulate: --iodepth: expected an integer 1..100000, got '-3' (see jmultipath simulate --help)",
        "--path a --read-pct 101|simulate: --read-pct: expected an integer 0..100, got '101' (see jmultipath simulate --help)",
        "--path a --io-size 0|simulate: --io-size: invalid size '0' (see jmultipath simulate --help)",
        "--path a --selector bogus|simulate: --selector bogus: unknown path selector type (known: historical-service-time, queue-length, round-robin, service-time) (see jmultipath simulate --help)",
        "--path a --path a|simulate: --path a: duplicate path name (see jmultipath simulate --help)",
        "--path a:recover=1s|simulate: --path a:recover=1s: recover= needs fail= (see jmultipath simulate --help)",
        "--path a extra|simulate: unexpected argument 'extra' (see jmultipath simulate --help)"})
    void badArgumentsGiveOneLineUsageError(String args, String message) {
        Run r = run(List.of(args.split(" ")));
        assertEquals(2, r.rc());
        assertEquals("", r.out());
        assertEquals(message + System.lineSeparator(), r.err());
    }

    @Test
    void help() {
        Run r = run(List.of("--help"));
        assertEquals(0, r.rc());
        assertTrue(r.out().startsWith("Usage: jmultipath simulate"));
        assertEquals("", r.err());
    }

    @Test
    void writesCsvAndPng(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Path png = dir.resolve("r.png");
        Run r = run(List.of("--path", "a:latency=1ms", "--path", "b:latency=3ms", "--ios", "2000",
                "--csv", csv.toString(), "--png", png.toString()));
        assertEquals(0, r.rc(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("selector,ios,bytes,elapsed_ms,iops"));
        assertTrue(lines.get(0).endsWith(",share_a_pct,share_b_pct"));
        assertTrue(lines.get(1).startsWith("round-robin 0,2000,8192000,"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth());
        assertEquals(440, img.getHeight());
    }

    @Test
    void unwritableOutputIsOneLineError(@TempDir Path dir) {
        Run r = run(List.of("--path", "a", "--ios", "10", "--csv", dir.resolve("no/such/dir.csv").toString()));
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("simulate: cannot write output: NoSuchFile: "), r.err());
        assertEquals(1, r.err().split("\\R").length);
    }

    /**
     * Path a fails at 1s and is reinstated at 2s: its I/Os are retried on b, every issued I/O
     * completes, and during the outage b carries everything (share of a < 2/3 of round-robin's 50%).
     */
    @Test
    void failureAndRecovery() throws Exception {
        SimOptions o = SimOptions.parse(List.of("--path", "a:latency=1ms,fail=1s,recover=2s", "--path",
                "b:latency=1ms", "--duration", "3s", "--iodepth", "8", "--selector", "round-robin,service-time"));
        for (SimResult r : SimulateCommand.simulate(o)) {
            assertTrue(r.requeued() > 0, r.selector() + " requeued");
            assertEquals(0, r.stranded());
            assertTrue(r.share(0) > 25 && r.share(0) < 40, r.selector() + " share a " + r.share(0));
            assertTrue(r.elapsedNs() >= 3_000_000_000L);
        }
        SimOptions dead = SimOptions.parse(List.of("--path", "a:fail=1s", "--duration", "2s", "--iodepth", "4"));
        for (SimResult r : SimulateCommand.simulate(dead)) {
            assertEquals(4, r.stranded(), "queue_if_no_path: the 4 outstanding I/Os wait forever");
        }
    }

    @ParameterizedTest
    @CsvSource({"2ms,2000000", "500us,500000", "1.5s,1500000000", "100ns,100", "3,3000000", "1m,60000000000"})
    void durations(String text, long nanos) throws Exception {
        assertEquals(nanos, Units.duration(text));
    }

    @ParameterizedTest
    @CsvSource({"4k,4096", "128KiB,131072", "1M,1048576", "512,512", "2MB,2097152"})
    void sizes(String text, long bytes) throws Exception {
        assertEquals(bytes, Units.size(text));
        assertEquals(bytes, Units.rate(text + "/s"));
    }
}
