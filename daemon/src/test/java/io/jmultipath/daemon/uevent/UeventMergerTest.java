package io.jmultipath.daemon.uevent;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UeventMergerTest {
    static Uevent ev(String action, String kernel, String wwid) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SUBSYSTEM", "block");
        env.put("DEVTYPE", "disk");
        env.put("DEVNAME", kernel);
        if (wwid != null) {
            env.put("ID_SERIAL", wwid);
        }
        return Uevent.of(action, "/devices/x/block/" + kernel, env, Uevent.Origin.SYNTHETIC);
    }

    private final UeventMerger merger = new UeventMerger(UeventMerger::udevWwid);

    @Test
    void laterRemoveSupersedesEarlierEvents() {
        List<MergedUevent> m = merger.merge(List.of(ev("add", "sda", null), ev("change", "sda", null),
                ev("add", "sdb", null), ev("remove", "sda", null)));
        assertEquals(List.of("add@/devices/x/block/sdb", "remove@/devices/x/block/sda"),
                m.stream().map(x -> x.event().toString()).toList());
    }

    @Test
    void laterAddSupersedesEarlierChange() {
        List<MergedUevent> m = merger.merge(List.of(ev("change", "sda", null), ev("add", "sda", null), ev("add", "sdb", null)));
        assertEquals(2, m.size());
        assertEquals("add", m.get(0).event().action());
    }

    @Test
    void sameWwidAddsAreMergedUntilADmEvent() {
        List<MergedUevent> m = merger.merge(List.of(ev("add", "sda", "W1"), ev("add", "sdb", "W2"), ev("add", "sdc", "W1"),
                ev("change", "dm-0", null), ev("add", "sdd", "W1")));
        assertEquals(4, m.size());
        assertEquals("sdc", m.get(0).event().kernel());
        assertEquals(List.of("sda", "sdc"), m.get(0).all().stream().map(Uevent::kernel).toList());
        assertEquals("sdb", m.get(1).event().kernel());
        assertEquals("dm-0", m.get(2).event().kernel());
        assertEquals("sdd", m.get(3).event().kernel());
    }

    @Test
    void oppositeActionEndsTheRun() {
        List<MergedUevent> m = merger.merge(List.of(ev("add", "sda", "W1"), ev("remove", "sdb", "W1"), ev("add", "sdc", "W1")));
        assertEquals(3, m.size());
    }

    @Test
    void stormOf10000AddsCollapsesToOneItemPerLun() {
        List<Uevent> storm = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int lun = i % 1024;
            storm.add(ev("add", "sd" + i, "WWID" + lun));
        }
        List<MergedUevent> m = merger.merge(storm);
        assertEquals(1024, m.size());
        assertEquals(10_000, m.stream().mapToInt(x -> x.all().size()).sum());
    }

    @Test
    void replayTextParses() throws Exception {
        List<Uevent> l = ReplayUeventSource.parse("""
                # a path appears
                add@/devices/x/block/sdb
                SUBSYSTEM=block
                DEVTYPE=disk

                ACTION=remove
                DEVPATH=/devices/x/block/sdc
                SUBSYSTEM=block
                """, "storm.txt");
        assertEquals(2, l.size());
        assertEquals("sdb", l.get(0).kernel());
        assertEquals("remove", l.get(1).action());
        UeventParseException e = assertThrows(UeventParseException.class,
                () -> ReplayUeventSource.parse("add@/x\nbogus line\n", "bad.txt"));
        assertEquals("bad.txt:2: expected KEY=VALUE or ACTION@DEVPATH: bogus line", e.getMessage());
    }
}
