package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.client.CliClient;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken clients on the CLI socket: the server keeps serving everyone else. */
class CliServerRobustnessTest {
    private static final String BIG = "x".repeat(1 << 20) + "\n";
    @TempDir
    Path tmp;
    private CliServer server;
    private String sock;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        CliDispatcher d = new CliDispatcher(cmd -> switch (cmd.command()) {
            case LIST_PATHS -> Reply.text("paths\n");
            case LIST_CONFIG -> Reply.text(BIG);
            case FAIL_PATH -> {
                try {
                    release.await(10, TimeUnit.SECONDS); // an owner thread that is stuck
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield Reply.ok();
            }
            default -> Reply.ok();
        });
        server = new CliServer(d, Duration.ofMillis(300));
        sock = tmp.resolve("sock").toString();
        server.bind(sock);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private String ask(String cmd) throws IOException {
        try (CliClient c = CliClient.connect(List.of(sock))) {
            return c.execute(cmd, Duration.ofSeconds(5));
        }
    }

    private SocketChannel raw() throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(sock));
    }

    private static void frame(SocketChannel ch, long len, byte[] body) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN).putLong(len).put(body);
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** One framed reply, or null at EOF. */
    private static String reply(SocketChannel ch) throws IOException {
        ByteBuffer hdr = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (hdr.hasRemaining()) {
            if (ch.read(hdr) < 0) {
                return null;
            }
        }
        hdr.flip();
        long n = hdr.getLong();
        assertTrue(n >= 1 && n < WireFormat.MAX_REPLY_LEN, "reply length " + n);
        ByteBuffer body = ByteBuffer.allocate((int) n);
        while (body.hasRemaining()) {
            if (ch.read(body) < 0) {
                fail("EOF inside a reply");
            }
        }
        assertEquals(0, body.get((int) n - 1), "reply ends with NUL");
        return new String(body.array(), 0, (int) n - 1, StandardCharsets.UTF_8);
    }

    @Test
    void degenerateFramesAnswerAsMultipathd() throws IOException {
        try (SocketChannel ch = raw()) {
            frame(ch, 1, new byte[] {0}); // just the NUL: alloc_strvec finds nothing
            assertTrue(reply(ch).startsWith(": Not enough memory\nmultipath-tools"));
            frame(ch, 4, " \t \0".getBytes(StandardCharsets.US_ASCII));
            assertTrue(reply(ch).startsWith(" \t : Not enough memory\n"));
            frame(ch, 10, "show paths".getBytes(StandardCharsets.US_ASCII)); // no trailing NUL: the whole body
            assertEquals("paths\n", reply(ch));
            frame(ch, 6, new byte[] {'s', 'h', 'o', 'w', (byte) 0xff, 0}); // invalid UTF-8: a word separator
            assertTrue(reply(ch).contains(": Missing argument\nmultipath-tools"));
            frame(ch, 7, new byte[] {'s', 'h', 'o', 'w', ' ', (byte) 0xc3, 0});
            assertTrue(reply(ch).contains("CLI commands reference:\n"));
            frame(ch, 12, "show \"paths\0".getBytes(StandardCharsets.US_ASCII)); // unbalanced quote
            assertNotNull(reply(ch));
            byte[] five = "show paths format x raw json\0".getBytes(StandardCharsets.US_ASCII);
            frame(ch, five.length, five);
            assertTrue(reply(ch).contains(": Missing argument\n"));
        }
    }

    @Test
    void absurdLengthsAndEarlyCloseDropOnlyThatConnection() throws IOException {
        for (long len : new long[] {1L << 63, Long.MAX_VALUE, 1L << 32, 513}) {
            try (SocketChannel ch = raw()) {
                frame(ch, len, "show paths\0".getBytes(StandardCharsets.US_ASCII));
                assertNull(reply(ch), "connection dropped for length " + Long.toUnsignedString(len));
            }
        }
        try (SocketChannel ch = raw()) {
            frame(ch, 200, "show".getBytes(StandardCharsets.US_ASCII)); // announced 200, closes after 4
        }
        frame(raw(), 0, new byte[0]);
        assertEquals("paths\n", ask("show paths"));
    }

    @Test
    void manyConcurrentClientsAreAllServedWithoutNewThreads() throws Exception {
        assertEquals("paths\n", ask("show paths"));
        long before = cliThreads();
        List<SocketChannel> idle = new ArrayList<>();
        List<SocketChannel> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(raw()); // connects and never sends
                SocketChannel ch = raw();
                frame(ch, 11, "show paths\0".getBytes(StandardCharsets.US_ASCII));
                busy.add(ch);
            }
            for (SocketChannel ch : busy) {
                assertEquals("paths\n", reply(ch));
            }
            assertTrue(cliThreads() <= before + 8, "threads " + before + " -> " + cliThreads());
        } finally {
            for (SocketChannel ch : idle) {
                ch.close();
            }
            for (SocketChannel ch : busy) {
                ch.close();
            }
        }
    }

    private static long cliThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("cli-")).count();
    }

    /**
     * A client that pipelines commands and never reads: the server stops reading from it (its
     * writes block) and, when a reply cannot be delivered within the timeout, closes it.
     */
    @Test
    void clientThatNeverReadsIsThrottledThenDropped() throws Exception {
        try (SocketChannel ch = raw()) {
            ch.configureBlocking(false);
            byte[] cmd = WireFormat.encode("show config");
            long sent = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            ByteBuffer b = ByteBuffer.wrap(cmd);
            while (sent < 64L << 20 && System.nanoTime() < deadline) {
                int n;
                try {
                    n = ch.write(b);
                } catch (IOException closed) {
                    break;
                }
                if (n == 0) {
                    break; // the server does not read ahead
                }
                sent += n;
                if (!b.hasRemaining()) {
                    b.rewind();
                }
            }
            assertTrue(sent < 16L << 20, "server read " + sent + " bytes of commands it could not answer");
            assertEquals("paths\n", ask("show paths"), "others are served meanwhile");
            // the server gives up on this client after its socket timeout; as it reads nothing from
            // it meanwhile, the channel turns writable (hang-up) only when the server closes it
            try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
                ch.register(sel, java.nio.channels.SelectionKey.OP_WRITE);
                assertTrue(sel.select(10_000) > 0, "the server closed the stalled connection within 10 s");
            }
            ch.configureBlocking(true);
            long got = 0;
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            try {
                while (ch.read(in) >= 0 && got < 64L << 20) {
                    got += in.position();
                    in.clear();
                }
            } catch (IOException reset) {
                // closed by the server
            }
            assertTrue(got < 16L << 20, "the stalled connection was closed (read " + got + " bytes)");
        }
        assertEquals("paths\n", ask("show paths"));
    }

    /** Writes stuck behind a busy owner thread never starve show, and one client runs one at a time. */
    @Test
    void stuckWritesDoNotDelayReads() throws Exception {
        List<SocketChannel> writers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                SocketChannel ch = raw();
                for (int j = 0; j < 20; j++) {
                    frame(ch, 14, "fail path sdb\0".getBytes(StandardCharsets.US_ASCII));
                }
                writers.add(ch);
            }
            for (SocketChannel ch : writers) {
                assertEquals("timeout\n", reply(ch));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("paths\n", ask("show paths"), "show is answered while writes hang");
            }
        } finally {
            release.countDown();
            for (SocketChannel ch : writers) {
                ch.close();
            }
        }
    }
}
