package io.jmultipath.checker.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.Prioritizers;
import io.jmultipath.checker.scsi.Alua;
import io.jmultipath.checker.scsi.AluaInfo;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.Sense;
import io.jmultipath.checker.scsi.SgResponse;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgIos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tur / readsector0 / directio and the alua + sysfs prioritizers against a kernel LIO target
 * (tcm_loop) whose target port group is switched through the ALUA states. scsi_debug cannot show
 * GHOST: it reports an ALUA state in REPORT TARGET PORT GROUPS but answers TEST UNIT READY with
 * GOOD in every state (drivers/scsi/scsi_debug.c has no access-state check on any command).
 */
@Tag("vm")
class LioAluaVmTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    @Test
    void turFollowsTheAluaStateOfARealTargetPortGhostOnStandbyPendingWhileTransitioning() throws Exception {
        SgIo sg = SgIos.kernel();
        PathChecker tur = Checkers.create("tur", sg);
        try (LioLoopback lio = LioLoopback.create(tmp)) {
            PathHandle h = lio.handle(TIMEOUT);
            Prioritizer alua = Prioritizers.create("alua", sg);
            AluaInfo info = Alua.inquire(sg, h.devNode(), TIMEOUT);
            assertTrue(info.supportsAlua(), lio.hctl() + " TPGS " + info);
            assertEquals(Integer.parseInt(LioLoopback.read(lio.tpGroup().resolve("tg_pt_gp_id"))),
                info.tpgId().orElseThrow(), "VPD 0x83 TPG designator = the LUN's target port group");

            CheckResult up = ScsiDebugVmTest.settle(tur, h);
            assertEquals(CheckState.UP, up.state(), up.toString());
            assertEquals(50, alua.priority(h, ""));

            lio.setAccessState(15);                                  // transitioning: TUR -> NOT READY 04/0A
            CheckResult trans = ScsiDebugVmTest.settle(tur, h);
            assertEquals(CheckState.PENDING, trans.state(), trans.toString());
            assertEquals("tur checker reports path is transitioning", trans.message());
            assertEquals(0, alua.priority(h, ""), "transitioning -> 0");

            lio.setAccessState(2);                                   // standby: TUR -> NOT READY 04/0B
            CheckResult ghost = ScsiDebugVmTest.settle(tur, h);
            assertEquals(CheckState.GHOST, ghost.state(), ghost.toString());
            assertEquals("tur checker reports path is ghost", ghost.message());
            assertEquals("ghost", ghost.state().chkSt());
            assertEquals(1, alua.priority(h, ""));
            // reads are refused on a standby port: READ(10) by SG_IO and an O_DIRECT read alike
            SgResponse read = sg.execute(h.devNode(), Cdbs.read10Sector0(4096, 1, TIMEOUT));
            System.out.println("LIO standby READ(10): " + read + " " + Sense.parse(read.sense()));
            assertEquals(Optional.of(new Sense(Sense.NOT_READY, 0x04, 0x0b)), Sense.parse(read.sense()), read.toString());
            assertEquals(CheckState.DOWN, ScsiDebugVmTest.settle(Checkers.create("readsector0", sg), h).state());
            assertEquals(CheckState.DOWN, ScsiDebugVmTest.settle(Checkers.create("directio", sg), h).state());

            lio.setAccessState(1);
            assertEquals(CheckState.UP, ScsiDebugVmTest.settle(tur, h).state());
            assertEquals(10, alua.priority(h, ""));
            lio.setPreferred(true);
            assertEquals(90, alua.priority(h, ""), "non-optimized + PREF");
            lio.setAccessState(0);
            assertEquals(50, alua.priority(h, ""), "optimized + PREF without exclusive_pref_bit");
            assertEquals(130, alua.priority(h, "exclusive_pref_bit"));
            // readsector0 sends libsg sg_read's READ(10): 1 block (st_blksize 4096 / 4096) into a 4 KiB buffer.
            // LIO's fileio refuses that underflow with NOT READY 08/00 while the exact-length READ(10) is good,
            // so readsector0 (multipath-tools' as ours) reports a healthy LIO path down; scsi_debug accepts it.
            SgResponse one = sg.execute(h.devNode(), Cdbs.read10Sector0(4096, 1, TIMEOUT));
            System.out.println("LIO optimized READ(10) 1 block into 4096: " + one + " " + Sense.parse(one.sense()));
            assertEquals(Optional.of(new Sense(Sense.NOT_READY, 0x08, 0x00)), Sense.parse(one.sense()), one.toString());
            SgResponse eight = sg.execute(h.devNode(), Cdbs.read10Sector0(4096, 8, TIMEOUT));
            assertEquals(SgResponse.good(new byte[0]).status(), eight.status(), eight.toString());
            assertEquals(4096, eight.data().length, eight.toString());
            assertEquals(CheckState.DOWN, ScsiDebugVmTest.settle(Checkers.create("readsector0", sg), h).state());

            // sysfs prio: scsi_dh_alua (attached to every TPGS device) re-reads RTPG on the ASYMMETRIC
            // ACCESS STATE CHANGED unit attention and publishes device/access_state + preferred_path
            Prioritizer sysfs = Prioritizers.create("sysfs", sg);
            awaitEquals(() -> ScsiDebugDisks.read(h.sysfsDevice().resolve("access_state"))
                + "/" + ScsiDebugDisks.read(h.sysfsDevice().resolve("preferred_path")), "active/optimized/1");
            assertEquals(50, sysfs.priority(h, ""));
            assertEquals(130, sysfs.priority(h, "exclusive_pref_bit"));
            lio.setPreferred(false);
            lio.setAccessState(2);
            assertEquals(CheckState.GHOST, ScsiDebugVmTest.settle(tur, h).state());   // delivers the unit attention
            awaitEquals(() -> ScsiDebugDisks.read(h.sysfsDevice().resolve("access_state")), "standby");
            assertEquals(1, sysfs.priority(h, ""));
            lio.setAccessState(0);
            // an O_DIRECT read goes through scsi_dh_alua, which passes it only once it has seen the port active
            assertEquals(CheckState.UP, ScsiDebugVmTest.settle(tur, h).state());
            awaitEquals(() -> ScsiDebugDisks.read(h.sysfsDevice().resolve("access_state")), "active/optimized");
            assertEquals(CheckState.UP, ScsiDebugVmTest.settle(Checkers.create("directio", sg), h).state());
        }
    }

    static void awaitEquals(Supplier<String> actual, String expected) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = actual.get();
        while (!expected.equals(last) && System.nanoTime() < end) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            last = actual.get();
        }
        assertEquals(expected, last);
    }
}
