package io.jmultipath.daemon.client;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.server.CliDispatcher;
import io.jmultipath.daemon.server.CliKeyword;
import io.jmultipath.daemon.server.CliServer;
import io.jmultipath.daemon.server.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientMainTest {
    @TempDir
    Path tmp;
    private CliServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ClientMain client;

    @BeforeEach
    void start() throws Exception {
        server = new CliServer(new CliDispatcher(c -> switch (c.command()) {
            case LIST_PATHS -> Reply.text("the paths\n");
            case FAIL_PATH -> c.require(CliKeyword.PATH).equals("sdb") ? Reply.ok() : Reply.deviceNotFound();
            case DEL_MAP -> Reply.text("fail\nmap or partition in use\n"); // as a 0.9.8+ multipathd answers
            case RECONFIGURE_CMD -> Reply.timeout();
            default -> Reply.fail();
        }), Duration.ofSeconds(2));
        String sock = tmp.resolve("s").toString();
        server.bind(sock);
        client = new ClientMain(List.of(sock), Duration.ofSeconds(5), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneShotPrintsReplyAndExitsNonZeroOnFail() {
        assertEquals(0, client.oneShot("show paths"));
        assertEquals("the paths\n", out());
        out.reset();
        assertEquals(1, client.oneShot("fail path sdx"));
        assertEquals("fail\n", out(), "a bare fail is printed as multipathd's client does");
        out.reset();
        assertEquals(1, client.oneShot("del map mpatha"));
        assertEquals("map or partition in use\n", out(), "a later daemon's reason is printed without the fail line");
        out.reset();
        assertEquals(1, client.oneShot("reconfigure"));
        assertEquals("timeout\n", out());
        out.reset();
        assertEquals(0, client.oneShot("show bogus"));
        assertTrue(out().startsWith("show bogus: not found\n"), out());
        out.reset();
        assertEquals(0, client.oneShot("fail path sdb"));
        assertEquals("ok\n", out());
    }

    @Test
    void unreachableDaemonIsOneLine() {
        ClientMain c = new ClientMain(List.of(tmp.resolve("none").toString()), Duration.ofSeconds(1),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, c.oneShot("show paths"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("ENOENT"), e);
    }

    @Test
    void interactiveSessionWithHelpHistoryAndQuit() {
        String script = "show paths\n\nhelp\nfail path sdb\nhistory\nquit\nshow paths\n";
        assertEquals(0, client.interactive(new BufferedReader(new StringReader(script)), true));
        String o = out();
        assertTrue(o.startsWith(ClientMain.PROMPT + "the paths\n"), o);
        assertTrue(o.contains("CLI commands reference:\n list|show paths\n"), o);
        assertTrue(o.contains("    1  show paths\n    2  help\n    3  fail path sdb\n"), o);
        assertEquals(1, o.split("the paths", -1).length - 1, "nothing after quit");
    }

    @Test
    void endOfInputEndsTheSession() {
        assertEquals(0, client.interactive(new BufferedReader(new StringReader("show paths\n")), false));
        assertEquals("the paths\n", out());
    }
}
