package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.server.Caller;
import io.jmultipath.daemon.server.CliDispatcher;
import io.jmultipath.daemon.server.CliKeyword;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.server.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the CLI command path (tokenizer, parser, dispatcher, the real handlers over a
 * simulated SAN): no exception escapes and every reply is one multipathd could have sent.
 */
class CliFuzzTest {
    private static final long SEED = 0x6d756c7469L;
    private static final String PERCENT_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%*-# ";

    @TempDir
    Path tmp;
    private Harness h;
    private CliDispatcher dispatcher;
    private Thread owner;
    private volatile boolean stop;
    /** Handler exceptions the dispatcher turned into "fail": each one is a bug in a handler. */
    private final List<String> thrown = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        DaemonControl control = new DaemonControl() {
            @Override
            public Reply reconfigure(boolean all) {
                return Reply.ok();
            }

            @Override
            public void shutdown() {
            }
        };
        RuntimeCommands commands = new RuntimeCommands(h.engine, control, java.time.Duration.ofSeconds(60));
        dispatcher = new CliDispatcher(cmd -> {
            try {
                return commands.handle(cmd);
            } catch (RuntimeException e) {
                thrown.add(cmd.text() + ": " + e);
                throw e;
            }
        });
        owner = new Thread(() -> {
            while (!stop) {
                try {
                    h.engine.runPending(java.time.Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fuzz-owner");
        owner.start();
    }

    @AfterEach
    void stopOwner() throws InterruptedException {
        stop = true;
        owner.join(5000);
        assertEquals(List.of(), thrown.subList(0, Math.min(5, thrown.size())));
    }

    @Test
    void randomKeywordSequencesNeverThrowAndAnswerWellFormed() {
        Random rnd = new Random(SEED);
        List<String> words = new ArrayList<>();
        for (CliKeyword k : CliKeyword.values()) {
            words.addAll(k.words());
        }
        String map = h.map().name();
        String dev = h.map().groups().get(0).paths().get(0).dev();
        List<String> params = List.of(map, dev, "sdzz", "0", "1", "-1", "99999999999999999999", "*", "",
                "\"%n %d %w\"", "../../etc", "8:16", "0x1234", "\"unbalanced");
        for (int i = 0; i < 3000; i++) {
            int n = 1 + rnd.nextInt(6);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < n; w++) {
                String word = switch (rnd.nextInt(10)) {
                    case 0 -> params.get(rnd.nextInt(params.size()));
                    case 1 -> "\"" + randomFormat(rnd) + "\"";
                    case 2 -> randomText(rnd, 6);
                    default -> words.get(rnd.nextInt(words.size()));
                };
                if (word.equals("shutdown") || word.equals("quit") || word.equals("exit")) {
                    word = "show";
                }
                sb.append(word).append(rnd.nextBoolean() ? " " : "  ");
            }
            check(sb.toString().strip(), rnd.nextInt(4) == 0 ? new Caller(1, 1000, 1000) : Caller.root());
        }
    }

    @Test
    void everyFormatLetterAndRandomBytesThroughShowCommands() {
        Random rnd = new Random(SEED + 1);
        for (char c = 0x20; c < 0x7f; c++) {
            for (String show : List.of("show paths format", "show maps format", "show paths raw format", "show maps raw format")) {
                check(show + " \"%" + c + " x%" + c + "%\"", Caller.root());
            }
        }
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(WireFormat.MAX_CMD_LEN)];
            rnd.nextBytes(b);
            check(WireFormat.decodeText(b), Caller.root());
            check("show maps format \"" + randomFormat(rnd) + "\"", Caller.root());
        }
    }

    private void check(String line, Caller who) {
        String reply;
        try {
            reply = dispatcher.execute(line, who);
        } catch (RuntimeException e) {
            throw new AssertionError("'" + line + "' threw", e);
        }
        assertNotNull(reply, line);
        assertFalse(reply.isEmpty(), "empty reply to '" + line + "'");
        assertTrue(reply.indexOf('\0') < 0, "NUL in the reply to '" + line + "'");
        assertTrue(WireFormat.encode(reply).length - WireFormat.HEADER <= WireFormat.MAX_REPLY_LEN, line);
        if (!who.isRoot() && !line.isBlank()) {
            assertFalse(reply.equals("ok\n") && !firstWordShows(line), "non-root ran '" + line + "'");
        }
    }

    private static boolean firstWordShows(String line) {
        String w = line.strip().split("\\s+")[0];
        return w.equals("show") || w.equals("list");
    }

    private static String randomFormat(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextBoolean() ? "%" : "").append(PERCENT_LETTERS.charAt(rnd.nextInt(PERCENT_LETTERS.length())));
        }
        return sb.toString();
    }

    private static String randomText(Random rnd, int max) {
        byte[] b = new byte[1 + rnd.nextInt(max)];
        rnd.nextBytes(b);
        return new String(b, StandardCharsets.UTF_8).replace('\0', 'x');
    }
}
