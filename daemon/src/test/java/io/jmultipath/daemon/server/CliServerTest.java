package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.client.CliClient;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliServerTest {
    @TempDir
    Path tmp;
    private CliServer server;
    private String pathname;
    private String abstractName;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        CliDispatcher d = new CliDispatcher(cmd -> switch (cmd.command()) {
            case LIST_PATHS -> Reply.text("paths of " + ProcessHandle.current().pid() + "\n");
            case LIST_MAP_TOPOLOGY -> Reply.text("map " + cmd.require(CliKeyword.MAP) + "\n");
            case RECONFIGURE_CMD -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield Reply.ok();
            }
            default -> Reply.ok();
        });
        server = new CliServer(d, Duration.ofMillis(300));
        pathname = tmp.resolve("sock").toString();
        abstractName = "@/jmultipath/test/" + ProcessHandle.current().pid() + "/" + System.nanoTime();
        server.bind(pathname);
        server.bind(abstractName);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private String ask(String socket, String cmd) throws IOException {
        try (CliClient c = CliClient.connect(List.of(socket))) {
            return c.execute(cmd, Duration.ofSeconds(5));
        }
    }

    @Test
    void abstractAndPathnameBothServeSeveralExchangesPerConnection() throws IOException {
        try (CliClient c = CliClient.connect(List.of(abstractName))) {
            assertTrue(c.execute("show paths", Duration.ofSeconds(5)).startsWith("paths of"));
            assertEquals("map mpatha\n", c.execute("show map mpatha topology", Duration.ofSeconds(5)));
            assertTrue(c.execute("bogus", Duration.ofSeconds(5)).startsWith("bogus: not found\n"));
            assertEquals("ok\n", c.execute("fail path sdb", Duration.ofSeconds(5)));
        }
        assertEquals("ok\n", ask(pathname, "reinstate path sdb"));
    }

    @Test
    void clientFallsBackToTheNextSocket() throws IOException {
        try (CliClient c = CliClient.connect(List.of(tmp.resolve("missing").toString(), abstractName))) {
            assertEquals(abstractName, c.socketName());
        }
        IOException e = assertThrows(IOException.class, () -> CliClient.connect(List.of(tmp.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("ENOENT"), e.getMessage());
    }

    private static SocketChannel raw(String path) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(path));
    }

    /** Reads until EOF; returns the bytes seen (the server closed the connection). */
    private static byte[] readToEof(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        while (ch.read(b) >= 0) {
            if (!b.hasRemaining()) {
                break;
            }
        }
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void overLongLengthDropsTheConnection() throws IOException {
        try (SocketChannel ch = raw(pathname)) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(513);
            b.flip();
            ch.write(b);
            assertEquals(0, readToEof(ch).length);
        }
        assertTrue(ask(pathname, "show paths").startsWith("paths of"));
    }

    @Test
    void zeroLengthAndGarbageDropTheConnection() throws IOException {
        for (byte[] junk : List.of(new byte[8], "GET / HTTP/1.0\r\n\r\n".getBytes(), new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, 1})) {
            try (SocketChannel ch = raw(pathname)) {
                ch.write(ByteBuffer.wrap(junk));
                assertEquals(0, readToEof(ch).length);
            }
        }
        assertTrue(ask(abstractName, "show paths").startsWith("paths of"));
    }

    @Test
    void halfSentFrameGetsTimeoutAndTheServerKeepsServing() throws IOException {
        try (SocketChannel ch = raw(pathname)) {
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(20).put("show".getBytes());
            b.flip();
            ch.write(b);
            assertTrue(ask(pathname, "show paths").startsWith("paths of"), "served while a client hangs");
            byte[] got = readToEof(ch);
            assertEquals("timeout\n", WireFormat.decodeText(java.util.Arrays.copyOfRange(got, 8, got.length)));
        }
    }

    @Test
    void slowHandlerGetsTimeoutReply() throws IOException {
        assertEquals("timeout\n", ask(pathname, "reconfigure"));
        release.countDown();
        assertTrue(ask(pathname, "show paths").startsWith("paths of"));
    }

    /** A socket file a crashed daemon left behind is replaced; one a live daemon listens on is not. */
    @Test
    void staleSocketFileIsReplacedALiveOneIsNot() throws IOException {
        CliServer other = new CliServer(new CliDispatcher(cmd -> Reply.text("other\n")), Duration.ofMillis(300));
        try {
            IOException e = assertThrows(IOException.class, () -> other.bind(pathname));
            assertTrue(e.getMessage().contains("another daemon is listening"), e.getMessage());
            assertTrue(ask(pathname, "show paths").startsWith("paths of"), "the first daemon keeps serving");
            Path stale = tmp.resolve("stale");
            java.nio.channels.ServerSocketChannel left = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            left.bind(UnixDomainSocketAddress.of(stale));
            left.close(); // the file stays, nobody listens
            assertTrue(java.nio.file.Files.exists(stale));
            other.bind(stale.toString());
            assertEquals("other\n", ask(stale.toString(), "show paths"));
        } finally {
            other.close();
        }
    }

    /** A client that sends its command and shuts its sending side gets the reply, then EOF. */
    @Test
    void halfClosedClientStillGetsItsReply() throws IOException {
        try (SocketChannel ch = raw(pathname)) {
            ch.write(ByteBuffer.wrap(WireFormat.encode("show paths")));
            ch.shutdownOutput();
            byte[] got = readToEof(ch);
            assertTrue(WireFormat.decodeText(java.util.Arrays.copyOfRange(got, 8, got.length)).startsWith("paths of"));
        }
        try (SocketChannel idle = raw(pathname)) {
            assertTrue(ask(pathname, "show paths").startsWith("paths of"), "an idle connection blocks no one");
        }
    }

    @Test
    void nulInsideTheFrameEndsTheCommand() throws IOException {
        try (SocketChannel ch = raw(pathname)) {
            byte[] body = "show paths\0junk\0".getBytes();
            ByteBuffer b = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN).putLong(body.length).put(body);
            b.flip();
            ch.write(b);
            ByteBuffer hdr = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (hdr.hasRemaining() && ch.read(hdr) >= 0) {
                // read the header
            }
            hdr.flip();
            ByteBuffer rep = ByteBuffer.allocate((int) hdr.getLong());
            while (rep.hasRemaining() && ch.read(rep) >= 0) {
                // read the body
            }
            assertTrue(WireFormat.decodeText(rep.array()).startsWith("paths of"));
        }
    }

    /** SO_PEERCRED for real: a client running as uid 65534 may show but not fail a path. */
    @Test
    void nonRootPeerMayOnlyShow() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch uid");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/setpriv")) && java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")), "setpriv or /usr/bin/python3 missing");
        String py = "import socket,struct,sys\n"
                + "s=socket.socket(socket.AF_UNIX,socket.SOCK_STREAM); s.connect('\\0'+sys.argv[1][1:])\n"
                + "for cmd in sys.argv[2:]:\n"
                + "  b=cmd.encode()+b'\\0'; s.sendall(struct.pack('<Q',len(b))+b)\n"
                + "  n=struct.unpack('<Q',s.recv(8,socket.MSG_WAITALL))[0]; r=b''\n"
                + "  while len(r)<n: r+=s.recv(n-len(r))\n"
                + "  print(r[:-1].decode().replace('\\n','|'))\n";
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/python3", "-c", py, abstractName, "show paths", "fail path sdb").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor(20, TimeUnit.SECONDS), "client hung");
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(p.exitValue() == 0, "python3 client failed: " + out);
        assertEquals(List.of("paths of " + ProcessHandle.current().pid() + "|", "permission deny: need to be root|"),
                out.lines().toList());
    }
}
