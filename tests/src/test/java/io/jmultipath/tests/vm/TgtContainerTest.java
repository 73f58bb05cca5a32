package io.jmultipath.tests.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Where a Docker engine is present, the iSCSI target of the VM suite (tgtd, one 64 MB LUN) runs in a
 * privileged container started by Testcontainers, and an iSCSI login request to its portal gets a
 * login response. Without Docker (as on the build machines) this skips with a clear reason; the
 * QEMU suite (tests/vm/run) is the path that must run everywhere.
 */
@Tag("docker")
class TgtContainerTest {
    static final String IQN = "iqn.2026-01.io.jmultipath:container";

    @Test
    void tgtdInAPrivilegedContainerAnswersAnIscsiLogin() throws Exception {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        assumeTrue(docker, "no Docker engine here (DockerClientFactory.isDockerAvailable() = false): "
                + "the containerised tgtd target is skipped; the VM suite (tests/vm/run) covers iSCSI");
        String script = String.join(" && ",
                "apt-get update -qq", "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tgt >/dev/null",
                "truncate -s 64M /lun1.img", "(tgtd -f &)", "sleep 2",
                "tgtadm --lld iscsi --op new --mode target --tid 1 -T " + IQN,
                "tgtadm --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 -b /lun1.img",
                "tgtadm --lld iscsi --op bind --mode target --tid 1 -I ALL",
                "echo TARGET-READY", "sleep infinity");
        try (GenericContainer<?> tgt = new GenericContainer<>(DockerImageName.parse("debian:12-slim"))
                .withPrivilegedMode(true)
                .withCommand("sh", "-c", script)
                .withExposedPorts(3260)
                .waitingFor(Wait.forLogMessage(".*TARGET-READY.*", 1).withStartupTimeout(Duration.ofMinutes(5)))) {
            tgt.start();
            var show = tgt.execInContainer("tgtadm", "--lld", "iscsi", "--op", "show", "--mode", "target");
            assertTrue(show.getStdout().contains(IQN) && show.getStdout().contains("LUN: 1"), show.getStdout());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(tgt.getHost(), tgt.getMappedPort(3260)), 10_000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(loginRequest("iqn.1993-08.org.debian:01:jmtest", IQN));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] bhs = in.readNBytes(48);
                assertEquals(48, bhs.length, "no iSCSI response from the containerised target");
                assertEquals(0x23, bhs[0] & 0x3f, "opcode of a Login Response");
            }
        }
    }

    /** A minimal iSCSI Login Request PDU (RFC 7143 11.12): security negotiation, AuthMethod=None. */
    static byte[] loginRequest(String initiator, String target) {
        byte[] data = ("InitiatorName=" + initiator + "\0TargetName=" + target + "\0SessionType=Normal\0AuthMethod=None\0")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int padded = (data.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(48 + padded);
        b.put((byte) 0x43);                  // immediate + opcode 0x03 Login Request
        b.put((byte) 0x81);                  // T=1, CSG=0 (security), NSG=1 (operational)
        b.put((byte) 0).put((byte) 0);       // version max / min
        b.put((byte) 0);                     // TotalAHSLength
        b.put((byte) (data.length >> 16)).put((byte) (data.length >> 8)).put((byte) data.length);
        b.put(new byte[] {0x40, 0, 0, 0x23, 0x45, 0}).putShort((short) 0); // ISID (random type) + TSIH 0
        b.putInt(1);                         // Initiator Task Tag
        b.putShort((short) 0).putShort((short) 0); // CID, reserved
        b.putInt(0).putInt(0);               // CmdSN, ExpStatSN
        b.put(new byte[16]);                 // reserved
        b.put(data);
        return b.array();
    }
}
