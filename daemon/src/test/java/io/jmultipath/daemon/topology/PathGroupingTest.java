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
    void eachPolicyGroupsByItsOwnKey() {
        // prio, serial, node name and TPG all disagree: a policy using the wrong key fails
        List<Path> ps = List.of(
                p("sda", 50, UP, "s1", "n1", 1),
                p("sdb", 50, UP, "s2", "n2", 2),
                p("sdc", 10, UP, "s1", "n2", 1),
                p("sdd", 10, UP, "s2", "n1", 2),
                p("sde", 50, UP, "s1", "n1", 2));
        assertEquals(List.of(List.of("sda", "sdb", "sde"), List.of("sdc", "sdd")),
                names(PathGrouping.group(ps, PgPolicy.GROUP_BY_PRIO)));
        assertEquals(List.of(List.of("sda", "sdc", "sde"), List.of("sdb", "sdd")),
                names(PathGrouping.group(ps, PgPolicy.GROUP_BY_SERIAL)), "prio 36 (50+10+50)/3 before 30");
        assertEquals(List.of(List.of("sda", "sdd", "sde"), List.of("sdb", "sdc")),
                names(PathGrouping.group(ps, PgPolicy.GROUP_BY_NODE_NAME)));
        assertEquals(List.of(List.of("sdb", "sdd", "sde"), List.of("sda", "sdc")),
                names(PathGrouping.group(ps, PgPolicy.GROUP_BY_TPG)), "36 vs 30: TPG 2 first");
    }

    @Test
    void equalGroupsKeepDiscoveryOrder() {
        List<Path> ps = List.of(p("sdd", 10, UP, "x", "", 0), p("sdb", 10, UP, "y", "", 0), p("sdc", 10, UP, "z", "", 0));
        assertEquals(List.of(List.of("sdd"), List.of("sdb"), List.of("sdc")),
                names(PathGrouping.group(ps, PgPolicy.GROUP_BY_SERIAL)), "stable sort");
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
        PathGroup two = PathGroup.of(List.of(p("sdd", 10, UP, "", "", 0), p("sde", 10, UP, "", "", 0)));
        assertEquals(2, PathGrouping.bestPg(List.of(low, two)), "equal priority: more enabled paths");
        PathGroup zero = PathGroup.of(List.of(p("sdf", 0, UP, "", "", 0)));
        assertEquals(3, PathGrouping.bestPg(List.of(dead, dead, zero)), "the first usable group, even at prio 0");
    }

    @Test
    void marginalPathsGoLast() {
        Path m = new Path(p("sda", 50, UP, "", "", 0).info(), "tur", UP, 50, DmPathState.UNDEF, 0, Optional.empty(), true,
                Optional.empty());
        List<PathGroup> gs = PathGrouping.group(List.of(m, p("sdb", 10, UP, "", "", 0)), PgPolicy.MULTIBUS);
        assertEquals(List.of(List.of("sdb"), List.of("sda")), names(gs));
        assertEquals(true, gs.get(1).marginal());
        assertEquals(1, PathGrouping.bestPg(gs));
        PathGroup mZero = PathGroup.of(List.of(new Path(p("sdc", 0, UP, "", "", 0).info(), "tur", UP, 0,
                DmPathState.UNDEF, 0, Optional.empty(), true, Optional.empty())));
        PathGroup mHigh = PathGroup.of(List.of(m));
        assertEquals(2, PathGrouping.bestPg(List.of(mZero, mHigh)), "only marginal groups: they compete by priority");
        assertEquals(1, PathGrouping.bestPg(List.of(mZero)),
                "a marginal group at prio 0 does not beat the default (select_path_group)");
        assertEquals(3, PathGrouping.bestPg(List.of(mHigh, mZero, PathGroup.of(List.of(p("sdg", 1, UP, "", "", 0))))),
                "a normal group with enabled paths wins over marginal ones");
    }
}
