package io.jmultipath.daemon.demo;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.client.ClientMain;
import io.jmultipath.daemon.testing.DaemonProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code jmultipathd --demo} as a newcomer runs it: the hints it prints work as printed, the
 * flapping path is seen failing and coming back in the shell, Ctrl-C (SIGINT) stops it and removes
 * its temp dir, and two demos run side by side. (The flap period is shortened for the test.)
 */
class DemoProcessTest {

    /** Runs the printed "jmultipathd ARGS…" hint through the client (the launcher is replaced by ClientMain). */
    private static String client(List<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals("--socket", words.get(1));
        ClientMain c = new ClientMain(List.of(words.get(2)), Duration.ofSeconds(10),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, c.oneShot(String.join(" ", words.subList(3, words.size()))), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void hintsWorkFlappingShowsAndCtrlCCleansUp() throws Exception {
        try (DaemonProcess a = new DaemonProcess(List.of(), List.of("-Djm.demo.flap=3"), List.of("--demo"), Map.of());
             DaemonProcess b = new DaemonProcess(List.of(), List.of("--demo"), Map.of())) {
            String dirLine = a.awaitLog("^jmultipathd demo: simulated SAN under ", Duration.ofSeconds(60));
            Path dir = Path.of(dirLine.replaceAll("^jmultipathd demo: simulated SAN under (\\S+) .*$", "$1"));
            String shell = a.awaitLog("^  shell: ", Duration.ofSeconds(5));
            String oneShot = a.awaitLog("^  one-shot: ", Duration.ofSeconds(5));
            Matcher m = Pattern.compile("^  shell: +(\\S+) -k --socket (\\S+)$").matcher(shell);
            assertTrue(m.matches(), shell);
            assertTrue(m.group(1).endsWith("jmultipathd"), shell);
            Path socket = Path.of(m.group(2));
            assertEquals(dir, socket.getParent());
            List<String> words = new ArrayList<>(List.of(oneShot.replaceFirst("^  one-shot: +", "").split(" ")));
            assertEquals(List.of("--socket", socket.toString(), "show", "topology"), words.subList(1, words.size()));
            assertTrue(a.log().stream().anyMatch(l -> l.endsWith("| sdh [8:112]: path added to devmap mpathd")), a.log().toString());
            assertTrue(a.log().stream().anyMatch(l -> l.matches("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d \\| jmultipathd \\S+: start up")),
                    "timestamps without -s: " + a.log());

            String topo = client(List.of("jmultipathd", "--socket", socket.toString(), "show", "topology"));
            assertEquals(4, topo.lines().filter(l -> l.matches("mpath[a-d] \\(\\w+\\) dm-\\d+ LIO-ORG,.*")).count(), topo);
            assertEquals(8, topo.lines().filter(l -> l.contains(" active ready ")).count(), topo);

            a.awaitLog("demo: sda unplugged", Duration.ofSeconds(20));
            a.awaitLog("sda: mark as failed|checker failed path 8:0 in map mpatha", Duration.ofSeconds(20));
            List<String> showMpatha = List.of("jmultipathd", "--socket", socket.toString(), "show", "map", "mpatha", "topology");
            a.awaitCondition(() -> client(showMpatha).lines().anyMatch(l -> l.contains(" sda 8:0 ") && l.contains(" failed faulty ")),
                    Duration.ofSeconds(5), "sda failed faulty in show map mpatha topology");
            a.awaitLog("demo: sda plugged back in", Duration.ofSeconds(20));
            a.awaitLog("^\\S+ \\S+ \\S+ \\| 8:0: reinstated$", Duration.ofSeconds(20));

            String other = b.awaitLog("^  shell: ", Duration.ofSeconds(60));
            assertNotEquals(shell, other, "each demo has its own socket");

            a.signal("INT");
            a.awaitLog("exit \\(signal\\)", Duration.ofSeconds(10));
            assertEquals(0, a.awaitExit(Duration.ofSeconds(20)));
            assertFalse(Files.exists(dir), "temp dir removed: " + dir);
            b.signal("INT");
            assertEquals(0, b.awaitExit(Duration.ofSeconds(20)));
        }
    }
}
