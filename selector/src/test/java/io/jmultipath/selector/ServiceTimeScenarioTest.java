package io.jmultipath.selector;

import static io.jmultipath.selector.ScenarioSupport.dispatch;
import static io.jmultipath.selector.ScenarioSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-worked choice sequences for dm-ps-service-time.c (st_compare_load), Linux 6.x. */
class ServiceTimeScenarioTest {

    /**
     * ST-1. a,b with default relative_throughput 1 (args "1"). Case 1 of st_compare_load (equal
     * throughput): compare in-flight bytes, 0 keeps the current best (earlier in list).
     * 1: both 0 -> a (list b,a), a=4096.   2: best=b(0), a(4096) not smaller -> b (list a,b),
     * b gets a 64 KiB I/O = 65536.   3: a 4096 < 65536 -> a (8192).   4: a 8192 < 65536 -> a.
     * Sequence a,b,a,a; status "in_flight_size relative_throughput".
     */
    @Test
    void st1_equalThroughputPicksLeastInFlightBytes() {
        PathSelector ps = selector("service-time 0", "a 1", "b 1");
        String seq = dispatch(ps, 4096) + "," + dispatch(ps, 65536) + "," + dispatch(ps, 4096) + ","
                + dispatch(ps, 4096);
        assertEquals("a,b,a,a", seq);
        assertEquals("12288 1", ps.pathStatusArgs("a"));
        assertEquals("65536 1", ps.pathStatusArgs("b"));
        assertEquals("1 1", ps.pathTableArgs("a"));
    }

    /**
     * ST-2. a "1 1", b "1 4" (b four times the throughput), 4 KiB I/Os, no completions.
     * 1: both idle -> Case 2a (same load): rt_a - rt_b = -3 for compare(b,a) -> b (b=4096).
     * 2: list a,b; compare(b,a): Case 3 (4096+4096)*1=8192 vs (0+4096)*4=16384 -> b (8192).
     * 3: 12288 vs 16384 -> b.  4: 16384 vs 16384 equal -> Case 4: higher throughput -> b.
     * 5: 20480 vs 16384 -> a stays best -> a.   Sequence b,b,b,b,a: 4:1 like the throughputs.
     */
    @Test
    void st2_relativeThroughputWeightsTheChoice() {
        PathSelector ps = selector("service-time 0", "a 1 1", "b 1 4");
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            seq.append(i == 0 ? "" : ",").append(dispatch(ps, 4096));
        }
        assertEquals("b,b,b,b,a", seq.toString());
    }

    /**
     * ST-3. a "1 0" (relative_throughput 0 = use only if nothing else), b "1 1". Case 2b: one
     * path has no throughput -> the other, whatever the load: b even with 1 MiB in flight.
     * With b failed, a is the only valid path and is chosen.
     */
    @Test
    void st3_zeroThroughputOnlyAsLastResort() {
        PathSelector ps = selector("service-time 0", "a 1 0", "b 1 1");
        ps.startIo("b", 1 << 20);
        assertEquals("b", ps.selectPath(4096).orElseThrow());
        assertEquals("b", ps.selectPath(4096).orElseThrow());
        ps.failPath("b");
        assertEquals("a", ps.selectPath(4096).orElseThrow());
    }

    /**
     * ST-4 (kernel quirk, reproduced on purpose). A "1 3" with 1 byte in flight, B "1 1" idle,
     * list A,B, incoming I = 2^31-1 bytes. compare(B, A): Case 3, st1 = I*3 = 6442450941,
     * st2 = (1+I)*1 = 2147483648; the size_t difference 2^32-3 is returned as int = -3 < 0, so
     * the kernel picks B although A's estimate is ~3x better. With a 4 KiB I/O the difference
     * 8191 fits in an int and A wins.
     */
    @Test
    void st4_sizeTDifferenceNarrowedToInt() {
        PathSelector big = selector("service-time 0", "A 1 3", "B 1 1");
        big.startIo("A", 1);
        assertEquals("B", big.selectPath((1L << 31) - 1).orElseThrow());

        PathSelector small = selector("service-time 0", "A 1 3", "B 1 1");
        small.startIo("A", 1);
        assertEquals("A", small.selectPath(4096).orElseThrow());
    }

    /**
     * ST-5 (overflow guard). A "1 2" with 64 bytes in flight, B "1 1" idle, list A,B, incoming
     * 2^57 (>= ST_MAX_INFLIGHT_SIZE = 2^57-1). Both sizes are shifted down by 7: B 2^50,
     * A (2^57+64)>>7 = 2^50; st1 = 2^50*2, st2 = 2^50*1, difference 2^50 narrows to int 0 -> not
     * better -> A stays. (Without the shift the difference 2^57-64 would narrow to -64 and B,
     * the slower path, would win.) compareLoad is also pinned directly.
     */
    @Test
    void st5_shiftGuardAgainstMultiplicationOverflow() {
        PathSelector ps = selector("service-time 0", "A 1 2", "B 1 1");
        ps.startIo("A", 64);
        assertEquals("A", ps.selectPath(1L << 57).orElseThrow());
        assertEquals(0, ServiceTimeSelector.compareLoad(0, 1, 64, 2, 1L << 57));
        assertEquals(-3, ServiceTimeSelector.compareLoad(0, 1, 1, 3, (1L << 31) - 1));
        assertEquals(-4096, ServiceTimeSelector.compareLoad(0, 5, 4096, 5, 0), "case 1: sz1 - sz2");
        assertEquals(99, ServiceTimeSelector.compareLoad(7, 1, 7, 100, 0), "case 2a: rt2 - rt1");
    }

    /**
     * ST-6. atomic_t in_flight_size wraps like the kernel's 32-bit counter: two 1 GiB I/Os
     * give 2^31 -> prints as -2147483648 in status.
     */
    @Test
    void st6_inFlightIsA32BitAtomic() {
        PathSelector ps = selector("service-time 0", "a");
        ps.startIo("a", 1L << 30);
        ps.startIo("a", 1L << 30);
        assertEquals("-2147483648 1", ps.pathStatusArgs("a"));
    }
}
