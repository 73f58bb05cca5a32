package io.jmultipath.daemon.metrics;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.topology.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTest {
    @Test
    void labelValuesAreEscapedAsTheFormatSays() {
        assertEquals("{map=\"a\\\\b\\\"c\\nd\"}", Exposition.labels("map", "a\\b\"c\nd"));
        assertEquals("{a=\"1\",b=\"\"}", Exposition.labels("a", "1", "b", ""));
    }

    @Test
    void anEmptyHostStillSaysTheDaemonIsUp() {
        String t = Exposition.render(new MetricsView(Topology.EMPTY, "idle", 3, 2, 1, Map.of()));
        assertTrue(t.contains("\njmultipath_up{state=\"idle\"} 1\n"), t);
        assertTrue(t.contains("\njmultipath_uevents_received_total 3\n"), t);
        assertTrue(t.contains("\njmultipath_uevents_serviced_total 2\n"), t);
        assertTrue(t.contains("\njmultipath_reconciliations_total 1\n"), t);
        assertTrue(t.contains("\njmultipath_maps 0\n"), t);
        assertTrue(t.contains("\njmultipath_paths{state=\"up\"} 0\n"), t);
        assertTrue(t.contains("# TYPE jmultipath_map_paths gauge\n"), "families are declared even without samples");
    }
}
