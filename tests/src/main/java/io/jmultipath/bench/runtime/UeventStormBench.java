package io.jmultipath.bench.runtime;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.uevent.MergedUevent;
import io.jmultipath.daemon.uevent.Uevent;
import io.jmultipath.daemon.uevent.UeventMerger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Uevent storm: 10,000 "add" events for 4,096 paths of 1,024 LUNs (every path once, then random
 * repeats) arrive while the daemon runs. Prints merge cost, events serviced and how many
 * reconciliations the storm cost. Run: java -cp … io.jmultipath.bench.runtime.UeventStormBench
 */
public final class UeventStormBench {
    public static void main(String[] args) throws Exception {
        int luns = 1024;
        int ports = 4;
        int events = 10_000;
        try (BenchSan san = new BenchSan(luns, ports, false)) {
            san.engine.start(); // empty host
            san.writer.write(san.paths, true); // the LUNs appear (e.g. after a rescan)
            List<Uevent> storm = new ArrayList<>(events);
            Random r = new Random(42);
            for (int i = 0; i < events; i++) {
                FakePath p = i < san.paths.size() ? san.paths.get(i) : san.paths.get(r.nextInt(san.paths.size()));
                storm.add(Uevent.of("add", "/devices/platform/host" + p.host() + "/block/" + p.dev(),
                        Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", p.dev(),
                                "MAJOR", Integer.toString(p.major()), "MINOR", Integer.toString(p.minor()),
                                "ID_SERIAL", p.lun().wwid()), Uevent.Origin.KERNEL));
            }
            // merge cost alone (pure)
            UeventMerger merger = new UeventMerger(UeventMerger::udevWwid);
            for (int w = 0; w < 20; w++) {
                merger.merge(storm);
            }
            long t0 = System.nanoTime();
            int reps = 50;
            List<MergedUevent> merged = null;
            for (int i = 0; i < reps; i++) {
                merged = merger.merge(storm);
            }
            double mergeMs = (System.nanoTime() - t0) / 1e6 / reps;

            long before = san.engine.reconciliations();
            long t1 = System.nanoTime();
            // the listener hands batches of <= 1000 to the owner thread while it is busy
            for (int i = 0; i < events; i += 1000) {
                san.engine.offerUevents(storm.subList(i, Math.min(events, i + 1000)));
            }
            san.engine.runPending();
            double totalMs = (System.nanoTime() - t1) / 1e6;
            long recs = san.engine.reconciliations() - before;
            System.out.printf("uevent storm: %d add events, %d paths, %d LUNs%n", events, san.paths.size(), luns);
            System.out.printf("  merge (pure): %.2f ms per storm -> %d items (one per LUN)%n", mergeMs, merged.size());
            System.out.printf("  serviced: %d events received, %d items after filter/merge%n",
                    san.engine.ueventsReceived(), san.engine.ueventsServiced());
            System.out.printf("  reconciliations for the whole storm: %d%n", recs);
            System.out.printf("  storm to %d maps in the (emulated) kernel: %.0f ms%n",
                    san.engine.snapshot().topology().maps().size(), totalMs);
            System.out.printf("  maps in the kernel: %d%n", san.dm.list().size());
        }
    }
}
