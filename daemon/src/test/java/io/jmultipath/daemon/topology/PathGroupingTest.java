package io.jmultipath.daemon.topology;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.Alua;
import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Hcil;
import io.jmultipath.daemon.discovery.Protocol;
import io.jmultipath.daemon.discovery.WwidSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathGroupingTest {

    /** A path: name, priority, state, serial, target node, TPG. */
    static Path p(String dev, int prio, CheckState st, String serial, String node, int tpg) {
        DiscoveredPath d = new DiscoveredPath(dev, 8, dev.charAt(2) * 16, Bus.SCSI, Protocol.SCSI_ISCSI,
                Optional.of(new Hcil(1, 0, 0, 1)), 8, false, "V", "P", "R", Optional.of(serial), Optional.of("3600"),
                WwidSource.VPD83, DiscoveredPath.Candidates.NONE,
                new DiscoveredPath.Transport(Optional.of(node), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                new Alua(Optional.of(1), Optional.of(tpg), Optional.empty(), false, Optional.empty()),
                Optional.of("running"), Optional.of(30), List.of(), Map.of(), "");
        return Path.of(d, "tur", st, prio);
    }

    static List<List<String>> names(List<PathGroup> gs) {
        return gs.stream().map(g -> g.paths().stream().map(Path::dev).toList()).toList();
    }

    static final CheckState UP = CheckState.UP;

    final List<Path> paths = List.of(
            p("sda", 10, UP, "s1", "n1", 2),
            p("sdb", 50, UP, "s2", "n2", 1),
            p("sdc", 10, UP, "s1", "n1", 2),
            p("sdd", 50, UP, "s2", "n2", 1));

    @Test
    void failoverAndMultibus() {
        assertEquals(List.of(List.of("sdb"), List.of("sdd"), List.of("sda"), List.of("sdc")),
                names(PathGrouping.group(paths, PgPolicy.FAILOVER)), "one per group, sorted by prio, stable");
        List<PathGroup> mb = PathGrouping.group(paths, PgPolicy.MULTIBUS);
        assertEquals(List.of(List.of("sda", "sdb", "sdc", "sdd")), names(mb));
        assertEquals(30, mb.get(0).priority());
    }

    @Test
    void groupByMatchPolicies() {
        List<List<String>> expected = List.of(List.of("sdb", "sdd"), List.of("sda", "sdc"));
        assertEquals(expected, names(PathGrouping.group(paths, PgPolicy.GROUP_BY_PRIO)));
        assertEquals(expected, names(PathGrouping.group(paths, PgPolicy.GROUP_BY_SERIAL)));
        assertEquals(expected, names(PathGrouping.group(paths, PgPolicy.GROUP_BY_NODE_NAME)));
        assertEquals(expected, names(PathGrouping.group(paths, PgPolicy.GROUP_BY_TPG)));
    }

    @Test
    void groupPriorityRules() {
        assertEquals(30, PathGroup.priorityOf(List.of(p("sda", 50, UP, "", "", 0), p("sdb", 10, UP, "", "", 0))));
        assertEquals(50, PathGroup.priorityOf(List.of(p("sda", 50, UP, "", "", 0),
                p("sdb", 10, CheckState.DOWN, "", "", 0))), "only enabled paths count");
        assertEquals(-1, PathGroup.priorityOf(List.of(p("sda", -1, UP, "", "", 0))), "enabled but undefined");
        assertEquals(0, PathGroup.priorityOf(List.of(p("sda", 50, CheckState.DOWN, "", "", 0))), "nothing enabled");
        assertEquals(50, PathGroup.priorityOf(List.of(p("sda", 50, CheckState.GHOST, "", "", 0),
                p("sdb", -1, UP, "", "", 0))), "ghost counts; undefined prio not averaged");
    }

    @Test
    void sortPrefersMoreEnabledPathsOnEqualPriority() {
        List<Path> ps = List.of(
                p("sda", 10, UP, "a", "", 0), p("sdb", 10, CheckState.DOWN, "a", "", 0),
                p("sdc", 10, UP, "b", "", 0), p("sdd", 10, UP, "b", "", 0));
        List<PathGroup> gs = PathGrouping.group(ps, PgPolicy.GROUP_BY_SERIAL);
        assertEquals(List.of(List.of("sdc", "sdd"), List.of("sda", "sdb")), names(gs));
        assertEquals(1, PathGrouping.bestPg(gs));
    }

    @Test
    void bestPathGroup() {
        assertEquals(0, PathGrouping.bestPg(List.of()));
        PathGroup low = PathGroup.of(List.of(p("sda", 10, UP, "", "", 0)));
        PathGroup high = PathGroup.of(List.of(p("sdb", 50, UP, "", "", 0)));
        PathGroup dead = PathGroup.of(List.of(p("sdc", 80, CheckState.DOWN, "", "", 0)));
        assertEquals(2, PathGrouping.bestPg(List.of(low, high)), "unsorted input: highest priority wins");
        assertEquals(2, PathGrouping.bestPg(List.of(dead, low)), "groups without enabled paths are skipped");
        assertEquals(1, PathGrouping.bestPg(List.of(dead)), "nothing usable: 1");
    }

    @Test
    void marginalPathsGoLast() {
        Path m = new Path(p("sda", 50, UP, "", "", 0).info(), "tur", UP, 50, DmPathState.UNDEF, 0, Optional.empty(), true,
                Optional.empty());
        List<PathGroup> gs = PathGrouping.group(List.of(m, p("sdb", 10, UP, "", "", 0)), PgPolicy.MULTIBUS);
        assertEquals(List.of(List.of("sdb"), List.of("sda")), names(gs));
        assertEquals(true, gs.get(1).marginal());
        assertEquals(1, PathGrouping.bestPg(gs));
    }
}
