package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.testing.FakeSan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.jmultipath.daemon.testing.Golden.assertGolden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end through {@link MultipathMain} on simulated SANs with an emulated device-mapper kernel. */
class MultipathMainTest {

    static final String UFN_ON = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n";

    @TempDir
    Path tmp;

    @Test
    void twoPathIscsiLunCreateListFlush() {
        FakeSan san = FakeSan.in(tmp).localDisk().lio(1, 2).config(UFN_ON).write();
        FakeSan.Run dry = san.jmultipath("-d");
        assertEquals(0, dry.rc(), dry.err());
        assertGolden("e2e/iscsi-2path-dry.txt", dry.out());
        assertTrue(dry.out().startsWith(": mpatha ("), "0.9.4 dry run: ACT_DRY_RUN prints an empty action");
        assertEquals("", san.jmultipath("-ll").out(), "dry run must not create maps");

        FakeSan.Run create = san.jmultipath("-v2");
        assertEquals(0, create.rc(), create.err());
        assertGolden("e2e/iscsi-2path-create.txt", create.out());
        assertTrue(create.log().contains("Warning: multipath devices exist, but multipathd service is not running\n"),
                create.log());
        FakeSan.Run ll = san.jmultipath("-ll");
        assertEquals(0, ll.rc(), ll.err());
        assertGolden("e2e/iscsi-2path-ll.txt", ll.out());
        assertTrue(ll.out().contains("features='0'"), "no daemon: queueing was turned off (fail_if_no_path)");
        assertGolden("e2e/iscsi-2path-l.txt", san.jmultipath("-l").out());
        assertEquals("mpatha\n", san.jmultipath("-ll", "-v1").out());

        assertEquals("", san.jmultipath("-v2").out(), "existing maps are left alone without -r");
        assertEquals("", san.jmultipath("-d").out(), "nor considered by a dry run");
        FakeSan.Run queue = san.jmultipath("-r", "-q");
        assertTrue(queue.out().startsWith("reload: mpatha (3") && queue.out().contains("features='1 queue_if_no_path'"),
                queue.out());
        FakeSan.Run forced = san.jmultipath("-r");
        assertTrue(forced.out().startsWith("reload: mpatha (3") && forced.out().contains("features='0'"), forced.out());

        FakeSan.Run flush = san.jmultipath("-F");
        assertEquals(0, flush.rc(), flush.err());
        assertEquals("", flush.out());
        assertEquals("", san.jmultipath("-ll").out());
    }

    @Test
    void doradoFourLunsTwoPaths() {
        String conf = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths no\n}\n"
                + "devices {\n\tdevice {\n\t\tvendor \"HUAWEI\"\n\t\tproduct \"XSG1\"\n"
                + "\t\tpath_grouping_policy multibus\n\t\tpath_checker tur\n\t\tprio const\n"
                + "\t\tpath_selector \"service-time 0\"\n\t\tfailback immediate\n\t\tdev_loss_tmo 30\n"
                + "\t\tfast_io_fail_tmo 5\n\t\tno_path_retry 15\n\t\tdetect_prio no\n\t}\n}\n";
        FakeSan san = FakeSan.in(tmp).dorado(4, 2).config(conf).write();
        FakeSan.Run create = san.jmultipath("-v2");
        assertEquals(0, create.rc(), create.err());
        assertGolden("e2e/dorado-4x2-create.txt", create.out());
        assertGolden("e2e/dorado-4x2-ll.txt", san.jmultipath("-ll").out());
        assertEquals("mpathc\n", san.jmultipath("-ll", "-v1", "mpathc").out());
        assertEquals("mpathd\n", san.jmultipath("-ll", "-v1", "/dev/sdi").out());
        assertEquals("mpathd\n", san.jmultipath("-ll", "-v1", "8:128").out(), "a dev_t names its path");
        assertEquals("", san.jmultipath("-ll", "-v1", "sdi").out(), "a bare word is a map name, alias or WWID");
        assertEquals(0, san.jmultipath("-f", "mpathb").rc());
        assertEquals("mpatha\nmpathc\nmpathd\n", san.jmultipath("-ll", "-v1").out());
    }

    @Test
    void aluaOptimizedAndNonOptimizedGroups() {
        FakeSan san = FakeSan.in(tmp).lio(1, 4).config(UFN_ON).write();
        FakeSan.Run create = san.jmultipath("-v2");
        assertEquals(0, create.rc(), create.err());
        assertGolden("e2e/alua-4path-create.txt", create.out());
        assertGolden("e2e/alua-4path-ll.txt", san.jmultipath("-ll").out());
        FakeSan.Run multibus = san.jmultipath("-d", "-r", "-p", "multibus");
        assertTrue(multibus.out().contains("`-+- policy='service-time 0' prio=30 status=undef\n"), multibus.out());
    }

    @Test
    void verbosity3TellsWhereEachAttributeCameFrom() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN_ON + "overrides {\n\tfailback manual\n}\n").write();
        FakeSan.Run r = san.jmultipath("-d", "-v3");
        assertEquals(0, r.rc(), r.err());
        List<String> log = r.log().lines().toList();
        for (String want : List.of(
                "mpatha: path_selector = service-time 0 (setting: multipath internal)",
                "mpatha: path_grouping_policy = group_by_prio (setting: storage device configuration)",
                "mpatha: failback = manual (setting: multipath.conf overrides section)",
                "mpatha: no_path_retry = 12 (setting: storage device configuration)",
                "sdb: prio = sysfs (setting: storage device autodetected)",
                "sdb: path_checker = tur (setting: multipath internal)",
                "sdb: prio_args =  (setting: storage device configuration)")) {
            assertTrue(log.stream().anyMatch(l -> l.endsWith(want)), want + " in\n" + r.err());
        }
        FakeSan.Run forced = san.jmultipath("-d", "-v3", "-p", "multibus");
        assertTrue(forced.log().contains("mpatha: path_grouping_policy = multibus (setting: multipath command line [-p] flag)"),
                forced.err());
        assertTrue(san.jmultipath("-d").log().lines().noneMatch(l -> l.contains("(setting:")), "only at -v3");
    }

    @Test
    void blacklistedLocalDiskIsLeftAlone() {
        String greedy = "defaults {\n\tfind_multipaths greedy\n}\n";
        FakeSan plain = FakeSan.in(tmp.resolve("a")).localDisk().lio(1, 2).config(greedy).write();
        assertTrue(plain.jmultipath("-d").out().contains("1ATA_QEMU_HARDDISK_QM00001 undef ATA,QEMU HARDDISK"),
                "without a blacklist greedy maps the local disk");
        FakeSan san = FakeSan.in(tmp.resolve("b")).localDisk().lio(1, 2)
                .config(greedy + "blacklist {\n\tdevnode \"^sda$\"\n}\n").write();
        FakeSan.Run r = san.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertFalse(r.out().contains("sda"), r.out());
        assertGolden("e2e/blacklist-greedy-create.txt", r.out());
        FakeSan.Run sda = san.jmultipath("-c", "/dev/sda");
        assertEquals("DM_MULTIPATH_DEVICE_PATH=\"0\"\n", sda.out());
        assertEquals(1, sda.rc());
        FakeSan.Run sdb = san.jmultipath("-c", "/dev/sdb");
        assertEquals("DM_MULTIPATH_DEVICE_PATH=\"1\"\n", sdb.out());
        assertEquals(0, sdb.rc());
        FakeSan.Run bare = san.jmultipath("-c", "sdb");
        assertEquals(1, bare.rc());
        assertEquals("the -c option requires a path to check\n", bare.err(), "sdb without /dev/ is a map name");
    }

    @Test
    void findMultipathsStrictNeedsTheWwidsEntry() {
        String strict = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths strict\n}\n";
        FakeSan san = FakeSan.in(tmp.resolve("a")).lio(2, 2).config(strict).write();
        FakeSan.Run none = san.jmultipath("-v2");
        assertEquals(0, none.rc(), none.err());
        assertEquals("", none.out());
        assertEquals("DM_MULTIPATH_DEVICE_PATH=\"0\"\n", san.jmultipath("-c", "/dev/sdb").out());
        assertEquals(1, san.jmultipath("-c", "/dev/sdb").rc());

        FakeSan known = FakeSan.in(tmp.resolve("b")).lio(2, 2).config(strict).write()
                .wwids("360014050000000000000000abc000002");
        FakeSan.Run one = known.jmultipath("-v1", "-q");
        assertEquals("mpatha\n", one.out());
        assertTrue(known.jmultipath("-ll").out().startsWith("mpatha (360014050000000000000000abc000002) dm-0"));

        assertEquals("DM_MULTIPATH_DEVICE_PATH=\"1\"\n", known.jmultipath("-c", "/dev/sdc").out(),
                "strict: the wwids entry makes the path valid");
        FakeSan.Run add = known.jmultipath("-a", "/dev/sdb");
        assertEquals("wwid '360014050000000000000000abc000001' added\n", add.out());
        assertEquals("mpathb\n", known.jmultipath("-v1", "-q").out());
        assertEquals("wwid '360014050000000000000000abc000001' removed\n", known.jmultipath("-w", "/dev/sdb").out());
        assertEquals("wwid '360014050000000000000000abc000001' not in wwids file\n",
                known.jmultipath("-w", "/dev/sdb").out());
        assertEquals(0, known.jmultipath("-w", "/dev/sdb").rc());
        assertEquals("successfully reset wwids\n", known.jmultipath("-W").out());
    }

    @Test
    void oddSysfsValueSkipsThatPathWithOneWarning() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2)
                .config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n").write();
        java.nio.file.Files.writeString(san.root().resolve("/sys/block/sdc/size"), "0x10\n");
        FakeSan.Run r = san.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertEquals(List.of("sdc: invalid value '0x10' in /sys/block/sdc/size",
                        "Warning: multipath devices exist, but multipathd service is not running"),
                r.log().lines().filter(l -> !l.contains(": addmap [")).toList(), r.err());
        assertTrue(r.out().contains(" sdb 8:16 ") && !r.out().contains("sdc"), r.out());
        assertEquals(List.of("create: mpatha (360014050000000000000000abc000001) undef LIO-ORG,disk"),
                r.out().lines().filter(l -> l.startsWith("create:")).toList(), "stdout carries only the topology");
    }

    @Test
    void vendorCheckerAndPrioritizerFallBackToGenericOnesWithOneWarningPerPath() {
        String conf = "defaults {\n\tfind_multipaths greedy\n}\ndevices {\n\tdevice {\n\t\tvendor \"HUAWEI\"\n"
                + "\t\tproduct \"XSG1\"\n\t\tpath_checker rdac\n\t\tprio emc\n\t\tdetect_checker no\n"
                + "\t\tdetect_prio no\n\t}\n}\n";
        FakeSan san = FakeSan.in(tmp).dorado(1, 2).config(conf).write();
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertEquals(0, r.rc(), r.err());
        List<String> warnings = r.log().lines().filter(l -> l.contains("is not available in jmultipath")).toList();
        assertEquals(List.of(
                "sdb: path_checker \"rdac\" is not available in jmultipath, using \"tur\"",
                "sdb: prio \"emc\" is not available in jmultipath, using \"const\"",
                "sdc: path_checker \"rdac\" is not available in jmultipath, using \"tur\"",
                "sdc: prio \"emc\" is not available in jmultipath, using \"const\""), warnings, r.err());
        assertTrue(r.out().contains("prio=1 status="), r.out());
    }

    @Test
    void deviceArgumentsAsMultipath() {
        FakeSan san = FakeSan.in(tmp).lio(2, 2).config(UFN_ON).write();
        FakeSan.Run one = san.jmultipath("-v1", "/dev/sdc");
        assertEquals("mpatha\n", one.out(), "only the map of that path");
        assertEquals("mpatha\n", san.jmultipath("-ll", "-v1").out());
        FakeSan.Run bad = san.jmultipath("-v2", "/dev/sdzz");
        assertEquals(1, bad.rc());
        assertEquals("'/dev/sdzz' is not a valid argument\n", bad.err());
        assertEquals("the -f option requires a map name to remove\n", san.jmultipath("-f", "/dev/sdb").err());
        assertEquals("nosuch is not a multipath device\n", san.jmultipath("-f", "nosuch").err());
        assertEquals("the -w option requires a device\n", san.jmultipath("-w").err());
        FakeSan.Run policy = san.jmultipath("-p", "bogus", "-d");
        assertEquals(1, policy.rc());
        assertEquals("'bogus' is not a valid policy\n", policy.out());
        assertEquals("wwid '360014050000000000000000abc000002' added\n", san.jmultipath("-a", "mpatha").out(),
                "a map name stands for its WWID");
        assertEquals("wwid '3600literal' added\n", san.jmultipath("-a", "3600literal").out(),
                "any other word is taken as a WWID");
    }

    @Test
    void readOnlyAndAlternateBindingsFiles() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(2, 2).config(UFN_ON).write()
                .bindings(io.jmultipath.daemon.names.BindingsFile.HEADER + "mpathq 360014050000000000000000abc000002\n");
        FakeSan.Run ro = san.jmultipath("-B", "-v1", "-q");
        assertEquals("360014050000000000000000abc000001\nmpathq\n", ro.out(),
                "-B: existing bindings are used, nothing new is allocated (the WWID names the map)");
        assertEquals(io.jmultipath.daemon.names.BindingsFile.HEADER + "mpathq 360014050000000000000000abc000002\n",
                java.nio.file.Files.readString(san.root().bindingsFile()), "-B never writes");
        assertEquals(0, san.jmultipath("-F").rc());
        Path alt = tmp.resolve("alt-bindings");
        assertEquals("mpatha\nmpathb\n", san.jmultipath("-b", alt.toString(), "-v1", "-q").out());
        assertTrue(java.nio.file.Files.readString(alt).endsWith("mpatha 360014050000000000000000abc000001\n"
                + "mpathb 360014050000000000000000abc000002\n"), java.nio.file.Files.readString(alt));
        assertEquals(io.jmultipath.daemon.names.BindingsFile.HEADER + "mpathq 360014050000000000000000abc000002\n",
                java.nio.file.Files.readString(san.root().bindingsFile()), "-b FILE: the default file is untouched");
    }

    @Test
    void findMultipathsSmartWaitsForASecondPath() {
        String smart = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths smart\n"
                + "\tfind_multipaths_timeout 30\n}\n";
        FakeSan san = FakeSan.in(tmp)
                .luns(List.of(io.jmultipath.daemon.discovery.fake.SanLayout.lioLun(7, 2048)), 1,
                        io.jmultipath.daemon.discovery.fake.FakeTransport.ISCSI)
                .lio(1, 2).config(smart).write();
        FakeSan.Run lone = san.jmultipath("-c", "/dev/sdb");
        assertEquals(0, lone.rc(), lone.err());
        assertTrue(lone.out().matches("FIND_MULTIPATHS_WAIT_UNTIL=\"(29|30)\\.\\d{6}\"\nDM_MULTIPATH_DEVICE_PATH=\"2\"\n"),
                lone.out());
        assertTrue(java.nio.file.Files.exists(san.root().resolve("/run/multipath/find_multipaths/8:16")));
        FakeSan.Run two = san.jmultipath("-c", "/dev/sdc");
        assertEquals("DM_MULTIPATH_DEVICE_PATH=\"1\"\n", two.out(), "two paths: valid at once");
        assertEquals("", san.jmultipath("-d").out().lines().filter(l -> l.contains("sdb")).findFirst().orElse(""),
                "map creation (should_multipath) needs two paths or a wwids entry");
    }

    @Test
    void configErrorIsOneLineWithoutStackTrace() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config("defaults {\n\tuser_friendly_names yes\n").write();
        FakeSan.Run r = san.jmultipath("-v2");
        assertTrue(r.rc() != 0);
        assertTrue(r.err().matches("(?s)[^\\n]*multipath\\.conf:\\d+: [^\\n]+\\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void showConfigAndHelp() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN_ON).write();
        FakeSan.Run t = san.jmultipath("-t");
        assertEquals(0, t.rc());
        assertTrue(t.out().startsWith("defaults {\n"), t.out());
        assertTrue(t.out().contains("\tuser_friendly_names \"yes\"\n") || t.out().contains("\tuser_friendly_names yes\n"),
                t.out());
        assertEquals(0, san.jmultipath("-v1").rc());
        FakeSan.Run local = san.jmultipath("-T");
        assertEquals(0, local.rc(), local.err());
        assertTrue(local.out().contains("vendor \"(LIO-ORG|SUSE)\""), local.out());
        assertTrue(local.out().contains("360014050000000000000000abc000001"), local.out());
        assertTrue(san.jmultipath("-h").out().contains("-ll     show multipath topology (maximum info)"));
        FakeSan.Run bad = san.jmultipath("-Z");
        assertEquals(1, bad.rc());
        assertTrue(bad.err().startsWith("jmultipath: invalid option -- 'Z'\n"));
    }

    /** Runs MultipathMain with raw byte capture (the config text is bytes, not UTF-8). */
    private static byte[][] runRaw(int[] rc, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
             java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
            rc[0] = MultipathMain.run(java.util.List.of(args), o, e);
        }
        return new byte[][] {out.toByteArray(), err.toByteArray()};
    }

    @Test
    void showConfigOfNamedFile() throws Exception {
        Path conf = tmp.resolve("site.conf");
        // a Latin-1 byte inside quotes is printed back as that byte; warnings go to stderr only
        byte[] text = "defaults {\n\talias_prefix \"caf\u00e9\"\n\tno_such 1\n}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.file.Files.write(conf, text);
        int[] rc = new int[1];
        byte[][] r = runRaw(rc, "--root", tmp.toString(), "--config", conf.toString(), "-t");
        assertEquals(0, rc[0]);
        String expected = io.jmultipath.config.ConfigLoader.parse(new String(text,
                java.nio.charset.StandardCharsets.ISO_8859_1), conf.toString()).config().showConfig();
        assertTrue(java.util.Arrays.equals(expected.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), r[0]));
        assertTrue(new String(r[0], java.nio.charset.StandardCharsets.ISO_8859_1).contains("\talias_prefix \"caf\u00e9\"\n"));
        assertEquals(conf + ":3: invalid keyword in the defaults section: no_such\n",
                new String(r[1], java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void structuralErrorNamesTheConfigFileGiven() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        java.nio.file.Files.writeString(conf, "defaults {\n\talias_prefix \"abc\n}\n");
        int[] rc = new int[1];
        byte[][] r = runRaw(rc, "--root", tmp.toString(), "--config", conf.toString(), "-t");
        assertEquals(1, rc[0]);
        assertEquals(0, r[0].length);
        assertEquals(conf + ":2: missing closing quotes\n", new String(r[1], java.nio.charset.StandardCharsets.UTF_8));
        r = runRaw(rc, "--root", tmp.toString(), "--config", tmp.resolve("absent.conf").toString(), "-t");
        assertEquals(1, rc[0]);
        assertEquals("jmultipath: --config " + tmp.resolve("absent.conf") + ": no such file\n",
                new String(r[1], java.nio.charset.StandardCharsets.UTF_8));
    }
}
