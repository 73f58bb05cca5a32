package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.dmctl.cli.DmCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "emulated:FILE" really shared by two processes: a child JVM runs `dm` commands on the file. */
class CrossProcessSharedFileTest {
  @TempDir
  Path dir;

  /** Child entry point: runs one `dm` command on the given spec. */
  public static void main(String[] args) {
    System.exit(DmCommand.run(List.of(args).subList(1, args.length), args[0], System.out, System.err));
  }

  private String child(String spec, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CrossProcessSharedFileTest.class.getName(), spec));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child finished");
    assertEquals(0, p.exitValue(), out);
    return out.lines().filter(l -> !l.startsWith("SLF4J")).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void anotherProcessSeesAndChangesTheState() throws Exception {
    Path file = dir.resolve("dm.state");
    String spec = "emulated:" + file;
    try (EmulatedDeviceMapper dm = EmulatedDeviceMapper.shared(file, d -> true)) {
      dm.create("mpatha", "mpath-1", List.of(new DmTarget(0, 2048, "multipath",
          "0 0 1 1 round-robin 0 2 1 8:16 1 8:32 1")));
      assertEquals("mpatha\t(253:0)\n", child(spec, "ls"));
      try (DmEvents ev = dm.events()) {
        child(spec, "message", "mpatha", "0", "fail_path", "8:16");
        assertTrue(ev.await(Duration.ofSeconds(30)), "event seen across processes");
      }
      assertFalse(MultipathStatus.parse(dm.status("mpatha").get(0).params())
          .path(new DevT(8, 16)).orElseThrow().active());
      assertEquals(1, dm.info("mpatha").orElseThrow().eventNr());
    }
  }
}
