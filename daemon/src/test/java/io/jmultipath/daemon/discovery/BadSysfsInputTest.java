package io.jmultipath.daemon.discovery;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.testing.FakeSan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input from the host (sysfs attributes, the udev database) on one path of a two-LUN,
 * two-port SAN: that path is skipped, or its bad attribute ignored, with one line naming it, and
 * nothing else changes: the good LUN gets its map in {@code -d}, {@code -v2} and {@code -ll}.
 */
class BadSysfsInputTest {

    static final String UFN_ON = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n";
    static final String GOOD = "mpatha (360014050000000000000000abc000001)";
    /** The corrupted path: first path of LUN 2. */
    static final String BAD = "sdc";

    @TempDir
    Path tmp;

    /**
     * @param warning the one line logged at -v2 (a prefix: it may end in a temp path), or null for none
     * @param mapped  whether the bad path still ends up in LUN 2's map (its bad attribute ignored)
     */
    record Case(String name, String warning, boolean mapped, BiConsumer<FakeSan, FakePath> corrupt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case skip(String name, String warning, BiConsumer<FakeSan, FakePath> corrupt) {
        return new Case(name, warning, false, corrupt);
    }

    static Case keep(String name, String warning, BiConsumer<FakeSan, FakePath> corrupt) {
        return new Case(name, warning, true, corrupt);
    }

    static Stream<Case> cases() {
        String sys = "/sys/block/sdc/";
        return Stream.of(
                skip("size non-numeric", "sdc: invalid value 'abc' in " + sys + "size", block("size", "abc\n")),
                skip("size empty", "sdc: invalid value '' in " + sys + "size", block("size", "")),
                skip("size negative", "sdc: invalid value '-5' in " + sys + "size", block("size", "-5\n")),
                skip("size > 2^63", "sdc: invalid value '9223372036854775808' in " + sys + "size",
                        block("size", "9223372036854775808\n")),
                skip("size missing", "sdc: cannot read " + sys + "size", (s, p) -> delete(blockDir(s, p).resolve("size"))),
                keep("ro garbage", null, block("ro", "xx\n")),
                skip("dev 8:x", "sdc: invalid value '8:x' in " + sys + "dev", block("dev", "8:x\n")),
                skip("dev major overflow", "sdc: invalid value '99999999999:1' in " + sys + "dev",
                        block("dev", "99999999999:1\n")),
                skip("dev minor beyond 20 bits", "sdc: invalid value '8:1048576' in " + sys + "dev",
                        block("dev", "8:1048576\n")),
                skip("dev missing", "sdc: cannot read " + sys + "dev", (s, p) -> delete(blockDir(s, p).resolve("dev"))),
                skip("vendor missing", "sdc: cannot read " + sys + "device/vendor",
                        (s, p) -> delete(deviceDir(s, p).resolve("vendor"))),
                skip("vendor empty", "sdc: unusable vendor/model ''/'disk'", device("vendor", "\n")),
                skip("vendor binary", "sdc: unusable vendor/model", device("vendor", new byte[]{'L', 0, (byte) 0xff, '\n'})),
                keep("vendor trailing blanks and newlines", null, device("vendor", "LIO-ORG   \n\n")),
                skip("model missing", "sdc: cannot read " + sys + "device/model",
                        (s, p) -> delete(deviceDir(s, p).resolve("model"))),
                keep("rev missing", null, (s, p) -> delete(deviceDir(s, p).resolve("rev"))),
                keep("rev binary", null, device("rev", new byte[]{1, 2, (byte) 0xe9, '\n'})),
                keep("vpd_pg83 truncated", null, (s, p) -> truncate(deviceDir(s, p).resolve("vpd_pg83"), 10)),
                keep("vpd_pg83 empty", null, device("vpd_pg83", new byte[0])),
                keep("vpd_pg83 designator beyond the page", null, device("vpd_pg83",
                        new byte[]{0, (byte) 0x83, (byte) 0xff, (byte) 0xff, 1, 3, 0, (byte) 0xff, 0x60})),
                keep("vpd_pg83 junk", null, device("vpd_pg83", junk(300))),
                keep("vpd_pg80 junk", null, device("vpd_pg80", new byte[]{0, (byte) 0x80, (byte) 0xff, (byte) 0xff, 'a'})),
                keep("inquiry short", null, device("inquiry", new byte[]{1})),
                keep("wwid garbage", null, device("wwid", new byte[]{'n', 'a', 'a', '.', 0, (byte) 0xff, '\n'})),
                keep("state unknown word", null, device("state", "banana\n")),
                keep("timeout non-numeric", "sdc: ignoring invalid value 'thirty' in " + sys + "device/timeout",
                        device("timeout", "thirty\n")),
                keep("timeout negative", "sdc: ignoring invalid value '-1' in " + sys + "device/timeout",
                        device("timeout", "-1\n")),
                keep("access_state garbage", null, device("access_state", new byte[]{(byte) 0xff, 'x', '\n'})),
                keep("preferred_path garbage", null, device("preferred_path", "zz\n")),
                skip("H:C:T:L directory malformed", "sdc: no SCSI H:C:T:L in sysfs path", BadSysfsInputTest::renameHctl),
                skip("dangling /sys/block link", "sdc: cannot read /sys/block/sdc: /sys/block/sdc does not lead to a "
                        + "device directory (/sys/devices/nowhere/block/sdc)", link("../devices/nowhere/block/sdc")),
                skip("dangling absolute link", "sdc: cannot read /sys/block/sdc: /sys/block/sdc is a dangling link",
                        link("/nonexistent/sdc")),
                skip("link to itself", "sdc: cannot read /sys/block/sdc: /sys/block/sdc does not lead to a device",
                        link("sdc")),
                skip("plain file in /sys/block", "sdc: cannot read /sys/block/sdc: /sys/block/sdc does not lead to a",
                        (s, p) -> {
                            delete(s.root().sysBlock().resolve(p.dev()));
                            write(s.root().sysBlock().resolve(p.dev()), "x".getBytes(StandardCharsets.US_ASCII));
                        }),
                keep("udev db malformed lines", null, udev("E:\nE:=x\nE\nQ:zz\nE:ID_SERIAL\n\0\0\0\nE:ID_SERIAL=360014050000000000000000abc000002\n"
                        + "E:SCSI_IDENT_LUN_NAA_REGEXT=60014050000000000000000abc000002\n")),
                keep("udev db without E: lines", null, udev("S:disk/by-id/x\n")),
                keep("udev db binary junk", null, (s, p) -> write(udevFile(s, p), junk(5000))),
                keep("udev db larger than 1 MiB", "sdc: ignoring /run/udev/data/b8:32: unreadable or larger than 1 MiB",
                        udev("E:X=" + "y".repeat(2 << 20) + "\nE:ID_SERIAL=3600140599\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadPathCostsOnlyItself(Case c) {
        FakeSan san = FakeSan.in(tmp).withUdevDb().lio(2, 2).config(UFN_ON).write();
        FakePath bad = san.paths().stream().filter(p -> p.dev().equals(BAD)).findFirst().orElseThrow();
        c.corrupt().accept(san, bad);

        for (String mode : new String[]{"-d", "-v2"}) {
            FakeSan.Run r = san.jmultipath(mode);
            assertEquals(0, r.rc(), mode + ": " + r.err());
            assertTrue(r.out().contains(GOOD), mode + ": the good LUN is set up\n" + r.out() + r.err());
            assertNoStackTrace(r);
            long lines = r.log().lines().filter(l -> l.startsWith(BAD + ":")).count();
            if (c.warning() == null) {
                assertEquals(0, lines, mode + ": nothing to say about sdc\n" + r.log());
            } else {
                assertEquals(1, lines, mode + ": exactly one line about sdc\n" + r.log());
                String line = r.log().lines().filter(l -> l.startsWith(BAD + ":")).findFirst().orElseThrow();
                assertTrue(line.startsWith(c.warning()), mode + ": " + line);
            }
        }
        FakeSan.Run ll = san.jmultipath("-ll");
        assertEquals(0, ll.rc(), ll.err());
        assertNoStackTrace(ll);
        assertTrue(ll.out().contains(GOOD), ll.out());
        assertTrue(ll.out().contains(" sdb 8:16 ") && ll.out().contains(" sdd 8:48 "), "both good paths\n" + ll.out());
        assertEquals(c.mapped(), ll.out().contains(" sdc 8:32 "), "sdc " + (c.mapped() ? "kept" : "skipped") + "\n" + ll.out());
    }

    @Test
    void ignoredTimeoutIsAbsentNotZero() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).write();
        device("timeout", "thirty\n").accept(san, san.paths().get(0));
        Discovery.Result r = new Discovery(new SysfsReader(san.root())).discover();
        assertEquals(2, r.paths().size(), "the path is kept: the checker timeout falls back to its default");
        assertEquals(Optional.empty(), r.paths().get(0).timeoutSeconds());
        assertEquals(Optional.of(30), r.paths().get(1).timeoutSeconds());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void addUeventDiscoveryOfABadPathIsOneExceptionNamingIt() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).write();
        block("dev", "99999999999:1\n").accept(san, san.paths().get(0));
        Discovery d = new Discovery(new SysfsReader(san.root()));
        DiscoveryException e = org.junit.jupiter.api.Assertions.assertThrows(DiscoveryException.class,
                () -> d.discoverOne(san.paths().get(0).dev(), w -> { }));
        assertEquals("sdb: invalid value '99999999999:1' in /sys/block/sdb/dev", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"naa.\u0000\u00ff", "naa.6001\u0001", "t10.LIO\tORG", "eui.\u007f"})
    void sysfsWwidWithControlCharactersIsNoWwid(String text) {
        assertEquals(Optional.empty(), Vpd.fromSysfsWwid(text));
    }

    @Test
    void udevPropertyWithControlCharactersIsNoWwid() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).write();
        FakePath p = san.paths().get(0);
        write(udevFile(san, p), "E:ID_SERIAL=\u0000\u0001\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        DiscoveredPath d = new Discovery(new SysfsReader(san.root())).discoverOne(p.dev()).resolveWwid("ID_SERIAL");
        assertEquals(Optional.empty(), d.wwid());
    }

    /** Seeded random VPD pages, half with a well-formed 0x83 header: the decoders never throw, a WWID is always usable. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void vpdDecodersNeverThrowOnJunk(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            byte[] page = new byte[rnd.nextInt(80)];
            rnd.nextBytes(page);
            if (page.length >= 4 && rnd.nextBoolean()) {
                page[1] = (byte) (rnd.nextBoolean() ? 0x83 : 0x80);
                page[2] = 0;
                page[3] = (byte) rnd.nextInt(page.length);
            }
            Vpd.wwid(page).ifPresent(w -> {
                assertTrue(Vpd.usableWwid(w) && w.length() <= Vpd.WWID_MAX, Arrays.toString(page));
            });
            Vpd.serial(page);
            Vpd.targetPortGroup(page);
            Vpd.tpgs(page);
        }
    }

    static void assertNoStackTrace(FakeSan.Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains(": null"),
                "no stack trace, no exception name\n" + r.err());
    }

    // ---- corruptions ---------------------------------------------------------------------------

    static BiConsumer<FakeSan, FakePath> block(String attr, String value) {
        return (s, p) -> write(blockDir(s, p).resolve(attr), value.getBytes(StandardCharsets.ISO_8859_1));
    }

    static BiConsumer<FakeSan, FakePath> device(String attr, String value) {
        return device(attr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    static BiConsumer<FakeSan, FakePath> device(String attr, byte[] value) {
        return (s, p) -> write(deviceDir(s, p).resolve(attr), value);
    }

    static BiConsumer<FakeSan, FakePath> udev(String content) {
        return (s, p) -> write(udevFile(s, p), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    static BiConsumer<FakeSan, FakePath> link(String target) {
        return (s, p) -> {
            Path l = s.root().sysBlock().resolve(p.dev());
            delete(l);
            try {
                Files.createSymbolicLink(l, Path.of(target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static void renameHctl(FakeSan s, FakePath p) {
        try {
            Path old = deviceDir(s, p);
            Path renamed = old.resolveSibling("x:y:z");
            Files.move(old, renamed);
            Path l = s.root().sysBlock().resolve(p.dev());
            delete(l);
            Files.createSymbolicLink(l, l.getParent().relativize(renamed.resolve("block").resolve(p.dev())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path deviceDir(FakeSan s, FakePath p) {
        return s.root().sys().resolve(SanTreeWriter.scsiDeviceDir(p));
    }

    static Path blockDir(FakeSan s, FakePath p) {
        return deviceDir(s, p).resolve("block").resolve(p.dev());
    }

    static Path udevFile(FakeSan s, FakePath p) {
        return s.root().udevData().resolve("b" + p.major() + ":" + p.minor());
    }

    static byte[] junk(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    static void truncate(Path p, int n) {
        try {
            byte[] b = Files.readAllBytes(p);
            write(p, Arrays.copyOf(b, Math.min(n, b.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, byte[] b) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
