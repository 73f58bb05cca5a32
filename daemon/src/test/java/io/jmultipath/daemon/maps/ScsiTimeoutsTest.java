package io.jmultipath.daemon.maps;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.testing.FakeSan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sysfs_set_scsi_tmo through `jmultipath -v2` on simulated FC / iSCSI / SAS / plain SCSI hosts:
 * what lands in /sys/class/{fc_remote_ports,iscsi_session,sas_end_device,scsi_host}. The fake
 * tree (hosts from 2) starts at dev_loss_tmo 30 / fast_io_fail_tmo off (FC), recovery_tmo 120 (iSCSI),
 * I_T_nexus_loss_timeout 2000 (SAS), eh_deadline off (hosts).
 */
class ScsiTimeoutsTest {
    @TempDir
    Path tmp;

    private FakeSan san(FakeTransport t, String config) {
        List<FakeLun> luns = List.of(SanLayout.huaweiLun(1, 20971520L));
        return FakeSan.in(tmp).luns(luns, 2, t).config("defaults {\n find_multipaths greedy\n}\n" + config).write();
    }

    private String sys(String rel) throws IOException {
        return Files.readString(tmp.resolve("sys/class").resolve(rel)).strip();
    }

    @Test
    void defaultFastIoFail5GoesToTheFcRportAndTheIscsiSession() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "");
        assertEquals(0, fc.jmultipath("-v2").rc());
        assertEquals("5", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("5", sys("fc_remote_ports/rport-3:0-0/fast_io_fail_tmo"));
        assertEquals("30", sys("fc_remote_ports/rport-2:0-0/dev_loss_tmo"), "dev_loss_tmo unset: left alone");
        assertEquals("off", sys("scsi_host/host2/eh_deadline"), "eh_deadline unset: left alone");
    }

    @Test
    void iscsiTakesFastIoFailAsRecoveryTmoAndIgnoresDevLoss(@TempDir Path other) throws Exception {
        FakeSan is = san(FakeTransport.ISCSI, "defaults {\n fast_io_fail_tmo 7\n dev_loss_tmo 90\n}\n");
        FakeSan.Run r = is.jmultipath("-v3");
        assertEquals(0, r.rc(), r.err());
        assertEquals("7", sys("iscsi_session/session2/recovery_tmo"));
        assertEquals("7", sys("iscsi_session/session3/recovery_tmo"));
        assertTrue(r.log().contains("sdb: ignoring dev_loss_tmo on iSCSI"), r.log());
    }

    @Test
    void devLossIsRaisedToCoverNoPathRetryTimesPollingInterval() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "defaults {\n dev_loss_tmo 60\n polling_interval 5\n}\n"
                + "overrides {\n no_path_retry 30\n}\n");
        FakeSan.Run r = fc.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertEquals("150", sys("fc_remote_ports/rport-2:0-0/dev_loss_tmo"));
        assertEquals("5", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertTrue(r.log().contains(": Raising dev_loss_tmo to 150 because of no_path_retry setting"), r.log());
    }

    @Test
    void fastIoFailAboveTheCurrentDevLossRaisesDevLossFirst() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "defaults {\n fast_io_fail_tmo 45\n}\n");
        assertEquals(0, fc.jmultipath("-v2").rc());
        assertEquals("45", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("46", sys("fc_remote_ports/rport-2:0-0/dev_loss_tmo"), "the kernel needs dev_loss > fast_io_fail");
    }

    @Test
    void withoutFastIoFailDevLossIsLimitedTo600() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "defaults {\n fast_io_fail_tmo off\n dev_loss_tmo 900\n}\n");
        FakeSan.Run r = fc.jmultipath("-v2");
        assertEquals("off", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("600", sys("fc_remote_ports/rport-2:0-0/dev_loss_tmo"));
        assertTrue(r.log().contains("rport-2:0-0: limiting dev_loss_tmo to 600, since fast_io_fail is not set"), r.log());
    }

    @Test
    void fastIoFailNotBelowDevLossIsTurnedOff() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "defaults {\n fast_io_fail_tmo 100\n dev_loss_tmo 100\n}\n");
        FakeSan.Run r = fc.jmultipath("-v2");
        assertEquals("off", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("100", sys("fc_remote_ports/rport-2:0-0/dev_loss_tmo"));
        assertTrue(r.log().contains(": turning off fast_io_fail (not smaller than dev_loss_tmo)"), r.log());
    }

    @Test
    void protocolSubsectionOfOverridesWinsForItsTransportOnly() throws Exception {
        FakeSan s = FakeSan.in(tmp)
                .luns(List.of(SanLayout.huaweiLun(1, 20971520L)), 2, FakeTransport.FC)
                .luns(List.of(SanLayout.lioLun(2, 2097152L)), 2, FakeTransport.ISCSI)
                .config("defaults {\n find_multipaths greedy\n}\noverrides {\n protocol {\n  type scsi:fcp\n"
                        + "  fast_io_fail_tmo 10\n }\n}\n").write();
        assertEquals(0, s.jmultipath("-v2").rc());
        assertEquals("10", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("5", sys("iscsi_session/session4/recovery_tmo"));
    }

    @Test
    void sasTakesDevLossAsNexusLossTimeoutAndHostsTakeEhDeadline() throws Exception {
        // (the HUAWEI entry's no_path_retry 15 × polling_interval 5 = 75 s is below 100: not raised)
        FakeSan sas = san(FakeTransport.SAS, "defaults {\n dev_loss_tmo 100\n eh_deadline 15\n}\n");
        assertEquals(0, sas.jmultipath("-v2").rc());
        assertEquals("100", sys("sas_end_device/end_device-2:0/I_T_nexus_loss_timeout"));
        assertEquals("15", sys("scsi_host/host2/eh_deadline"));
        assertEquals("15", sys("scsi_host/host3/eh_deadline"));
    }

    @Test
    void aDryRunWritesNothingAndPlainScsiSaysItIsUnsupported() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "defaults {\n eh_deadline 15\n}\n");
        assertEquals(0, fc.jmultipath("-d").rc());
        assertEquals("off", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
        assertEquals("off", sys("scsi_host/host2/eh_deadline"));

        Path other = tmp.resolve("plain");
        FakeSan plain = FakeSan.in(other).luns(List.of(SanLayout.lioLun(1, 2097152L)), 2, FakeTransport.UNSPEC)
                .config("defaults {\n find_multipaths greedy\n}\n").write();
        FakeSan.Run r = plain.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.log().contains("sdb: setting scsi timeouts is unsupported for protocol scsi:unspec"), r.log());
    }

    @Test
    void aMissingRportIsOneLineAndTheMapIsStillCreated() throws Exception {
        FakeSan fc = san(FakeTransport.FC, "");
        Path link = tmp.resolve("sys/class/fc_remote_ports/rport-3:0-0");
        Files.delete(link);
        FakeSan.Run r = fc.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("create: "), r.out());
        assertTrue(r.log().contains("No fc_remote_port device for 'rport-3:0-0'"), r.log());
        assertEquals("5", sys("fc_remote_ports/rport-2:0-0/fast_io_fail_tmo"));
    }
}
