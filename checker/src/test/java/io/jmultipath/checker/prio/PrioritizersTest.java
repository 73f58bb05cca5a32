package io.jmultipath.checker.prio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.PrioPathInfo;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.Prioritizers;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import io.jmultipath.checker.checkers.BoundedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrioritizersTest {
    @TempDir
    Path tmp;

    PathHandle handle(Path sysfsDevice) {
        return new PathHandle("sdc", Path.of("/dev/sdc"), 8, 32, sysfsDevice, Duration.ofSeconds(30));
    }

    @Test
    void constIsOneAndUnknownNamesAreRejected() {
        assertEquals(1, Prioritizers.create("const", null).priority(handle(tmp), ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prioritizers.create("bogus", null));
        assertEquals("unknown prioritizer: bogus", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "active/optimized,0,,50", "active/optimized,1,,50", "active/optimized,1,exclusive_pref_bit,130",
        "active/non-optimized,0,,10", "active/non-optimized,1,,90", "lba-dependent,0,,5", "standby,0,,1",
        "standby,1,,81", "unavailable,0,,0", "offline,1,,80", "transitioning,0,,0"})
    void sysfs(String state, String preferred, String args, int expected) throws Exception {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        Files.writeString(dev.resolve("access_state"), state + "\n");
        Files.writeString(dev.resolve("preferred_path"), preferred + "\n");
        assertEquals(expected, Prioritizers.create("sysfs", null).priority(handle(dev), args == null ? "" : args));
    }

    @Test
    void sysfsWithoutAccessStateIsUndefined() {
        assertEquals(-1, Prioritizers.create("sysfs", null).priority(handle(tmp.resolve("nothing")), ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hbtl 1:.:.:. 2 4:.:.:. 4|4",
        "hbtl 3:.:.:. 2 4:0:1:. 7|7",
        "hbtl ^1: 2|0",
        "devname sda 10 sdc 20|20",
        "devname sd[a-c] 5|5",
        "serial ^ABC 3 ^XYZ 9|9",
        "wwn 0x5001:.*:0x2000 6|6",
        "devname|0",
        "bogus sdc 5|0",
        "devname ([ 5 sdc 8|8",
        "devname\tsdc\t\t12x|12",
        "devname sdc abc|0"})
    void weightedpath(String args, int expected) {
        PrioPathInfo info = new PrioPathInfo(Optional.of("4:0:1:3"), Optional.of("XYZ123"),
            Optional.of("0x5001:0x5002:0x2000:0x2001"));
        assertEquals(expected, Prioritizers.create("weightedpath", null).priority(handle(tmp), args, info));
    }

    @Test
    void weightedpathWithoutTheValueIsTheDefaultEvenForMatchAllRegexes() {
        PrioPathInfo none = new PrioPathInfo(Optional.empty(), Optional.of(""), Optional.empty());
        Prioritizer p = Prioritizers.create("weightedpath", null);
        assertEquals(0, p.priority(handle(tmp), "serial .* 9", none));
        assertEquals(0, p.priority(handle(tmp), "hbtl .* 9", none));
        assertEquals(9, p.priority(handle(tmp), "wwn undef 9", none), "non-FC wwn is [undef]:...");
    }

    @Test
    void weightedpathHbtlFromTheSysfsLinkName() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("devices/host2/target2:0:1/2:0:1:5"));
        Path link = Files.createSymbolicLink(tmp.resolve("device"), real);
        Prioritizer p = Prioritizers.create("weightedpath", null);
        assertEquals(33, p.priority(handle(link), "hbtl 2:0:1:5 33"));
        assertEquals(0, p.priority(handle(tmp.resolve("missing")), "hbtl [0-9] 33"));
    }

    @Test
    void randomIsOneToTenAndSeedable() {
        Prioritizer a = Prioritizers.create("random", null, null, new Random(42));
        Prioritizer b = Prioritizers.create("random", null, null, new Random(42));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int x = a.priority(handle(tmp), "");
            assertEquals(x, b.priority(handle(tmp), ""));
            assertTrue(x >= 1 && x <= 10);
            seen.add(x);
        }
        assertEquals(10, seen.size());
    }

    @ParameterizedTest
    @CsvSource({"io_num=20 base_num=10,20,10.0", "base_num=1.5 io_num=200,200,1.5", "io_num=20 base_num=10 extra,20,10.0"})
    void pathLatencyArgs(String args, int io, double base) {
        assertEquals(Optional.of(new PathLatencyPrioritizer.Args(io, base)), PathLatencyPrioritizer.parseArgs(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "io_num=19 base_num=10", "io_num=201 base_num=10", "io_num=20 base_num=1.0",
        "io_num=20 base_num=11", "io_num=20", "20|10", "io_num=x base_num=2", "foo io_num=20 base_num=10"})
    void pathLatencyBadArgs(String args) {
        assertEquals(Optional.empty(), PathLatencyPrioritizer.parseArgs(args));
    }

    @ParameterizedTest
    // 10 ms with base 10^(1/4): 32 - 16 in exact arithmetic, 15 with IEEE doubles (as in C)
    @CsvSource({"1000,10,5", "1,10,8", "100000,10,3", "1000,2,16", "200000000,10,0", "10000,1.77827941004,15"})
    void pathLatencyPriority(long latencyUs, double base, int expected) {
        AtomicLong clock = new AtomicLong();
        BlockIo io = dev -> {
            clock.addAndGet(latencyUs * 1000);
            return new DirectRead(4096, true, 4096);
        };
        PathLatencyPrioritizer p = new PathLatencyPrioritizer(io, new BoundedRunner("pl", 1), clock::get);
        assertEquals(expected, p.priority(handle(tmp), "io_num=20 base_num=" + base));
    }

    @Test
    void pathLatencyDownPathIsUndefined() {
        BlockIo eio = dev -> {
            throw new ErrnoException("pread", dev.toString(), 5, "EIO");
        };
        assertEquals(-1, new PathLatencyPrioritizer(eio, new BoundedRunner("pl", 1), System::nanoTime)
            .priority(handle(tmp), "io_num=20 base_num=10"));
    }
}
