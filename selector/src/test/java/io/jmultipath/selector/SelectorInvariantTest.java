package io.jmultipath.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random walks (select/start/end/fail/reinstate) checking each choice against an
 * independent statement of the selector's rule, computed from the model's own status output.
 */
class SelectorInvariantTest {

    private record Io(String path, long bytes) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void choicesFollowTheRule(long seed) {
        for (String name : List.of("round-robin", "queue-length", "service-time")) {
            walk(name, seed);
        }
    }

    private static void walk(String name, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PathSelector ps = PathSelectors.create(new SelectorSpec(name, List.of()), () -> 0L);
        int n = 2 + rnd.nextInt(4);
        Map<String, Integer> rt = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String id = "p" + i;
            int w = 1 + rnd.nextInt(100);
            rt.put(id, w);
            ps.addPath(id, name.equals("service-time") ? List.of("1", Integer.toString(w)) : List.of("1"));
        }
        ArrayDeque<Io> inFlight = new ArrayDeque<>();
        for (int step = 0; step < 2000; step++) {
            int action = rnd.nextInt(10);
            List<String> order = ((AbstractPathSelector<?>) ps).validOrder();
            if (action < 5) {
                long bytes = 512L << rnd.nextInt(9);
                Optional<String> chosen = ps.selectPath(bytes);
                assertEquals(order.isEmpty(), chosen.isEmpty());
                if (chosen.isEmpty()) {
                    continue;
                }
                String expected = expected(name, ps, order, rt, bytes);
                assertEquals(expected, chosen.get(), name + " seed " + seed + " step " + step + " order " + order);
                ps.startIo(chosen.get(), bytes);
                inFlight.add(new Io(chosen.get(), bytes));
            } else if (action < 8 && !inFlight.isEmpty()) {
                Io io = rnd.nextBoolean() ? inFlight.pollFirst() : inFlight.pollLast();
                ps.endIo(io.path(), io.bytes(), 0, 1);
            } else if (action == 8) {
                ps.failPath("p" + rnd.nextInt(n));
            } else {
                ps.reinstatePath("p" + rnd.nextInt(n));
            }
        }
        while (!inFlight.isEmpty()) {
            Io io = inFlight.poll();
            ps.endIo(io.path(), io.bytes(), 0, 1);
        }
        for (String id : rt.keySet()) {
            assertTrue(ps.pathStatusArgs(id).equals("") || ps.pathStatusArgs(id).startsWith("0"),
                    "all counters back to 0: " + ps.pathStatusArgs(id));
        }
    }

    /** The rule, stated independently: head (rr); first minimum (ql, st with exact fractions). */
    private static String expected(String name, PathSelector ps, List<String> order, Map<String, Integer> rt,
                                   long bytes) {
        if (name.equals("round-robin")) {
            return order.get(0);
        }
        String pick = null;
        for (String id : order) {
            long load = Long.parseLong(ps.pathStatusArgs(id).split(" ")[0]);
            if (pick == null || better(name, load, rt.get(id), loadOf(ps, pick), rt.get(pick), bytes)) {
                pick = id;
            }
        }
        return pick;
    }

    private static long loadOf(PathSelector ps, String id) {
        return Long.parseLong(ps.pathStatusArgs(id).split(" ")[0]);
    }

    /** Strictly better: fewer I/Os (ql); smaller (load+bytes)/rt, then higher rt (st). */
    private static boolean better(String name, long load, int rt, long bestLoad, int bestRt, long bytes) {
        if (name.equals("queue-length")) {
            return load < bestLoad;
        }
        if (rt == bestRt) {
            return load < bestLoad;
        }
        if (load == bestLoad) {
            return rt > bestRt;
        }
        // compare (load+bytes)/rt < (bestLoad+bytes)/bestRt exactly
        long lhs = (load + bytes) * bestRt;
        long rhs = (bestLoad + bytes) * rt;
        return lhs != rhs ? lhs < rhs : rt > bestRt;
    }
}
