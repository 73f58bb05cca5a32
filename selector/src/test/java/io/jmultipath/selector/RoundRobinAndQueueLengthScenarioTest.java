package io.jmultipath.selector;

import static io.jmultipath.selector.ScenarioSupport.dispatch;
import static io.jmultipath.selector.ScenarioSupport.order;
import static io.jmultipath.selector.ScenarioSupport.selectMany;
import static io.jmultipath.selector.ScenarioSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked choice sequences for dm-ps-round-robin.c and dm-ps-queue-length.c (Linux 6.x).
 * Each test states the paths, args, I/O sequence, expected choices and why.
 */
class RoundRobinAndQueueLengthScenarioTest {

    /**
     * RR-1. Paths a,b,c (arg 1), six selects. rr_select_path takes the HEAD of valid_paths and
     * list_move_tail()s it, so the list rotates: a (b,c,a) b (c,a,b) c (a,b,c) a b c.
     */
    @Test
    void rr1_rotatesThroughValidList() {
        PathSelector ps = selector("round-robin 0", "a 1", "b 1", "c 1");
        assertEquals("a,b,c,a,b,c", selectMany(ps, 6));
    }

    /**
     * RR-2. repeat_count 100 on both paths (what multipath-tools writes for rr_min_io_rq 100).
     * Since the kernel dropped repeat_count support, rr_add_path warns "repeat_count > 1 is
     * deprecated, using 1 instead" and stores 1: the path still changes on every I/O, and the
     * table reads back "1". Sequence a,b,a,b.
     */
    @Test
    void rr2_repeatCountAboveOneIsClampedToOne() {
        PathSelector ps = selector("round-robin 0", "a 100", "b 100");
        assertEquals("a,b,a,b", selectMany(ps, 4));
        assertEquals("1", ps.pathTableArgs("a"));
        PathSelector zero = selector("round-robin 0", "a 0");
        assertEquals("0", zero.pathTableArgs("a"), "0 is not > 1, so it is kept as given");
    }

    /**
     * RR-3. a,b,c. select -> a (list b,c,a). fail b: list_move to invalid_paths -> valid c,a.
     * select -> c (list a,c). reinstate b: rr_reinstate_path uses list_move(), i.e. the HEAD of
     * valid_paths -> b,a,c. selects -> b, a, c. Full sequence a,c,b,a,c.
     */
    @Test
    void rr3_reinstatedPathGoesToHead() {
        PathSelector ps = selector("round-robin 0", "a 1", "b 1", "c 1");
        StringBuilder seq = new StringBuilder(ps.selectPath(512).orElseThrow());
        ps.failPath("b");
        assertEquals(List.of("c", "a"), order(ps));
        seq.append(',').append(ps.selectPath(512).orElseThrow());
        ps.reinstatePath("b");
        assertEquals(List.of("b", "a", "c"), order(ps));
        seq.append(',').append(selectMany(ps, 3));
        assertEquals("a,c,b,a,c", seq.toString());
    }

    /** RR-4. All paths failed: select_path returns NULL (empty); a second fail is a no-op. */
    @Test
    void rr4_noValidPath() {
        PathSelector ps = selector("round-robin 0", "a", "b");
        ps.failPath("a");
        ps.failPath("b");
        ps.failPath("b");
        assertTrue(ps.selectPath(4096).isEmpty());
        assertEquals(List.of("b", "a"), ((AbstractPathSelector<?>) ps).failedOrder(),
                "list_move puts each failed path at the head of the failed list");
    }

    /**
     * QL-1. a,b (arg 1); each dispatch = select + start_io (qlen++).
     * 1: both qlen 0: best=a, and the scan breaks at the first qlen 0 -> a; list b,a; a=1.
     * 2: best=b (qlen 0, break) -> b; list a,b; b=1.
     * 3: a=1,b=1: "<" is strict, the earlier path wins -> a; list b,a; a=2.
     * 4: b=1 < a=2 -> b; list a,b; b=2.
     * end_io(a) -> a=1. 5: a=1 < b=2 -> a.  Sequence a,b,a,b,a; status shows qlen.
     */
    @Test
    void ql1_fewestInFlightTiesKeepListOrder() {
        PathSelector ps = selector("queue-length 0", "a 1", "b 1");
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            seq.append(dispatch(ps, 4096)).append(',');
        }
        ps.endIo("a", 4096, 0, 1);
        seq.append(dispatch(ps, 4096));
        assertEquals("a,b,a,b,a", seq.toString());
        assertEquals("2", ps.pathStatusArgs("a"));
        assertEquals("2", ps.pathStatusArgs("b"));
    }

    /**
     * QL-2. a,b,c. Same fail/reinstate steps as RR-3, but ql_reinstate_path uses
     * list_move_tail(): after select a (b,c,a), fail b (c,a), select c (a,c), reinstate b
     * -> a,c,b. All qlen 0 (no start_io) so each select takes the head: a,c,b.
     * Full sequence a,c,a,c,b (RR gave a,c,b,a,c).
     */
    @Test
    void ql2_reinstatedPathGoesToTail() {
        PathSelector ps = selector("queue-length 0", "a 1", "b 1", "c 1");
        StringBuilder seq = new StringBuilder(ps.selectPath(512).orElseThrow());
        ps.failPath("b");
        seq.append(',').append(ps.selectPath(512).orElseThrow());
        ps.reinstatePath("b");
        assertEquals(List.of("a", "c", "b"), order(ps));
        seq.append(',').append(selectMany(ps, 3));
        assertEquals("a,c,a,c,b", seq.toString());
    }

    /**
     * QL-3. In-flight I/O on a failed path still completes through end_io (dm-mpath calls it
     * for every mapped I/O). a gets 1 I/O, a fails, its I/O ends: qlen back to 0; after
     * reinstate, a (tail) and b (head) are both 0 -> b is chosen first.
     */
    @Test
    void ql3_endIoOnFailedPath() {
        PathSelector ps = selector("queue-length 0", "a", "b");
        assertEquals("a", dispatch(ps, 4096));
        ps.failPath("a");
        ps.endIo("a", 4096, 0, 10);
        assertEquals("0", ps.pathStatusArgs("a"));
        ps.reinstatePath("a");
        assertEquals("b,a", selectMany(ps, 2));
    }
}
