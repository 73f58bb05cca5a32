package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Debian's multipathd 0.9.4 client (hard-wired to the default abstract socket; it has no
 * MULTIPATH_SOCKET_NAME support) talks to our server. Skips if the binary is missing or the
 * default socket is taken (a real multipathd runs).
 */
class DebianClientInteropTest {
    static final Path MULTIPATHD = Path.of("/usr/sbin/multipathd");

    /** Runs the Debian client with args; returns exit code + stdout + stderr. */
    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(MULTIPATHD.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("MULTIPATH_SOCKET_NAME", SocketNames.DEFAULT_ABSTRACT);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "client finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int rc, String out, String err) {
    }

    /** Binds the default abstract name or skips the test. */
    static CliServer bindDefaultOrSkip(CliDispatcher d) {
        assumeTrue(Files.isExecutable(MULTIPATHD), "Debian multipathd client not installed");
        CliServer s = new CliServer(d, Duration.ofSeconds(4));
        try {
            s.bind(SocketNames.DEFAULT_ABSTRACT);
        } catch (IOException e) {
            s.close();
            assumeTrue(false, "default multipathd socket busy: " + e.getMessage());
        }
        return s;
    }

    @Test
    void debianClientGetsOurReplies() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CliDispatcher d = new CliDispatcher(cmd -> {
            seen.add(cmd.text());
            return switch (cmd.command()) {
                case LIST_PATHS -> Reply.text("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check\n");
                case FAIL_PATH, REINSTATE_PATH -> cmd.require(CliKeyword.PATH).equals("sdb") ? Reply.ok() : Reply.deviceNotFound();
                default -> Reply.fail();
            };
        });
        CliServer server = bindDefaultOrSkip(d);
        try {
            Result r = run("show", "paths");
            assertEquals(0, r.rc(), r.toString());
            assertEquals("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check\n", r.out());
            r = run("fail", "path", "sdb");
            assertEquals(0, r.rc(), r.toString());
            assertEquals("ok\n", r.out());
            // the 0.9.4 client prints the whole reply and exits 1 only for a bare "fail\n"
            r = run("reinstate", "path", "sdq");
            assertEquals("fail\ndevice not found\n", r.out(), r.toString());
            r = run("-kshow bogus");
            assertTrue(r.out().startsWith("fail\nshow bogus: not found\nmultipath-tools v0.9.4"), r.toString());
            assertTrue(seen.stream().anyMatch(t -> t.strip().equals("show paths")), seen.toString());
        } finally {
            server.close();
        }
    }
}
