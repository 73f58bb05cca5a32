package io.jmultipath.selector;

import static io.jmultipath.selector.ScenarioSupport.dispatch;
import static io.jmultipath.selector.ScenarioSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked sequences for dm-ps-historical-service-time.c with a manual clock. Numbers:
 * fixed_ema(last, next, w) = (last*w + next*(1024-w) + 512) >> 10, w = weights[st >> 24],
 * weights[0] = 972 for the default base weight.
 */
class HistoricalServiceTimeScenarioTest {

    /**
     * HST-1. Paths a,b (fresh: hst 1024, outstanding 0, stale_after 0), default args.
     * t=1000: select -> a: threshold 0 makes any hst "over threshold"; both unloaded -> return
     *   stale_a - stale_b = 0 -> a kept. start a. list b,a.
     * t=1000: select -> b: compare(a,b): b unloaded and stale (0 < now) -> (!out_b*stale_a) -
     *   (!out_a*stale_b) = 0 -> b kept. start b. list a,b.
     * t=2001000: a ends, st = 2 ms: hst_a = (1024*972 + 2e6*1024*52 + 512) >> 10 = 104000972,
     *   stale_after = last_finish + valid_count(2) * (hst >> 10) = 2001000 + 2*101563 = 2204126.
     * t=8001000: b ends, st = 8 ms: hst_b = 416000972, stale_after = 8001000 + 2*406250 = 8813500.
     * t=8001000: both unloaded -> stale_b - stale_a > 0 -> a (the one stale for longer). list b,a.
     * t=8001000: a busy (out 1) and stale (2204126 < now); b idle, fresh. Estimate says a
     *   (2*104000972 < 1*416000972), but a is stale -> "limit to equal usage": out_a - out_b = 1
     *   > 0 -> b. Sequence a,b,a,b.
     */
    @Test
    void hst1_emaStalenessAndProbing() {
        long[] t = {1000};
        PathSelector ps = selector("historical-service-time 0", t, "a 1", "b 1");
        assertEquals("2 972 0", ps.selectorArgs());
        StringBuilder seq = new StringBuilder(dispatch(ps, 4096)).append(',').append(dispatch(ps, 4096));
        ps.endIo("a", 4096, 1000, 2_001_000);
        assertEquals("104000972 0 2204126", ps.pathStatusArgs("a"));
        t[0] = 8_001_000;
        ps.endIo("b", 4096, 1000, 8_001_000);
        assertEquals("416000972 0 8813500", ps.pathStatusArgs("b"));
        seq.append(',').append(dispatch(ps, 4096)).append(',').append(dispatch(ps, 4096));
        assertEquals("a,b,a,b", seq.toString());

        /*
         * HST-2 (continues). t=8002000: a's I/O (started 8001000) ends after 1 us: hst_a =
         * fixed_ema(104000972, 1000*1024, 972) = 98771673, stale_after = 8002000 + 2*96456 =
         * 8194912 (fresh). b still has 1 outstanding. Now a is both faster and fresh:
         * a wins while (1+out_a)*98771673 <= 2*416000972 = 832001944, i.e. out_a = 0..7
         * (out_a == out_b == 1 compares hst only): 8 times a, then at out_a = 8
         * (9*98771673 = 888945057 > 832001944) b. Sequence a x8, b.
         */
        t[0] = 8_002_000;
        ps.endIo("a", 4096, 8_001_000, 8_002_000);
        assertEquals("98771673 0 8194912", ps.pathStatusArgs("a"));
        StringBuilder seq2 = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            seq2.append(i == 0 ? "" : ",").append(dispatch(ps, 4096));
        }
        assertEquals("a,a,a,a,a,a,a,a,b", seq2.toString());
    }

    /**
     * HST-3. threshold_multiplier 2 ("historical-service-time 2 972 2"): fresh paths have equal
     * hst, 1024 > 2*1024 is false -> not over threshold -> plain out1 - out2 (queue-length
     * behaviour): a, then b (a busy), then a (tie 1-1 = 0 keeps head a). Sequence a,b,a.
     */
    @Test
    void hst3_thresholdFallsBackToQueueLength() {
        long[] t = {5};
        PathSelector ps = selector("historical-service-time 2 972 2", t, "a", "b");
        assertEquals("a,b,a", dispatch(ps, 512) + "," + dispatch(ps, 512) + "," + dispatch(ps, 512));
        assertEquals("2 972 2", ps.selectorArgs());
        assertEquals("0", ps.pathTableArgs("a"), "hst prints 0 as the per-path table arg");
    }

    /** Constructor args: base_weight must be < 1024, at most 2 args, %u syntax. */
    @Test
    void hst4_constructorArgs() {
        assertEquals("2 0 0", selector("historical-service-time 1 0").selectorArgs());
        assertEquals("2 1023 7", selector("historical-service-time 2 1023 7").selectorArgs());
        for (String bad : new String[] {"historical-service-time 1 1024", "historical-service-time 3 1 1 1",
            "historical-service-time 1 x", "historical-service-time 2 5 -1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> selector(bad));
            assertEquals("path selector constructor failed", e.getMessage(), bad);
        }
    }

    /** fixed_power matches kernel/sched/loadavg.c: 972^1 = 972, 972^2 = 923, weights[63] = 0. */
    @Test
    void hst5_weights() {
        assertEquals(972, HistoricalServiceTimeSelector.fixedPower(972, 10, 1));
        assertEquals((972L * 972 + 512) >> 10, HistoricalServiceTimeSelector.fixedPower(972, 10, 2));
        HistoricalServiceTimeSelector s = (HistoricalServiceTimeSelector) selector("historical-service-time 0");
        assertEquals(972, s.weight(0));
        assertEquals(0, s.weight(Long.MAX_VALUE));
        assertEquals(0, s.weight(-1L), "u64 delta: clamp to the last bucket");
    }
}
