package io.jmultipath.daemon.testing;

import io.jmultipath.daemon.cli.MultipathMain;
import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test DSL over the production {@link SanTreeWriter}: builds a simulated host (sysfs, udev db, /dev,
 * /etc/multipath) under a temp dir and runs {@code jmultipath} against it with an emulated
 * device-mapper kernel shared through a state file.
 *
 * <pre>
 * FakeSan san = FakeSan.in(tmp).localDisk().lio(2, 2).config("defaults { user_friendly_names yes }").write();
 * FakeSan.Run r = san.jmultipath("-v2");
 * </pre>
 */
public final class FakeSan {

    /** Captured result of one tool run. */
    public record Run(int rc, String out, String err) {
        /** stderr without multipath's monotonic timestamps ("27.176591 | "). */
        public String log() {
            return err.replaceAll("(?m)^\\d+\\.\\d{6} \\| ", "");
        }
    }

    private final Path dir;
    private final HostRoot root;
    private final SanTreeWriter writer;
    private final SanLayout layout = new SanLayout(1);
    private final List<FakePath> extra = new ArrayList<>();
    private boolean localDisk;
    private boolean udevDb;
    private int nextHost = 2;
    private String config;

    private FakeSan(Path dir) {
        this.dir = dir;
        this.root = new HostRoot(dir);
        this.writer = new SanTreeWriter(root);
    }

    public static FakeSan in(Path dir) {
        return new FakeSan(dir);
    }

    /** sda: a local ATA disk (QEMU HARDDISK) that a blacklist should keep out. */
    public FakeSan localDisk() {
        localDisk = true;
        return this;
    }

    /** Write /run/udev/data entries (E:ID_SERIAL=…) too. */
    public FakeSan withUdevDb() {
        udevDb = true;
        return this;
    }

    /** {@code luns} LIO LUNs (1 GiB × n) over {@code ports} iSCSI sessions, ALUA optimized / non-optimized. */
    public FakeSan lio(int luns, int ports) {
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152L * i));
        }
        return luns(l, ports, FakeTransport.ISCSI);
    }

    /** Huawei OceanStor Dorado LUNs (HUAWEI / XSG1) over FC ports, as in Huawei's host connectivity guide. */
    public FakeSan dorado(int luns, int ports) {
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.huaweiLun(i, 20971520L));
        }
        return luns(l, ports, FakeTransport.FC);
    }

    public FakeSan luns(List<FakeLun> luns, int ports, FakeTransport transport) {
        layout.ports(luns, ports, nextHost, transport);
        nextHost += ports;
        return this;
    }

    /** An explicit path (any transport / state / access state). */
    public FakeSan path(FakePath p) {
        layout.add(p);
        return this;
    }

    public String nextDev() {
        return layout.nextDev();
    }

    public int nextHost() {
        return nextHost++;
    }

    public FakeSan config(String text) {
        this.config = text;
        return this;
    }

    public FakeSan write() {
        if (localDisk) {
            writer.writeLocalDisk("sda", 0, "ATA", "QEMU HARDDISK", "1ATA_QEMU_HARDDISK_QM00001");
        }
        writer.write(layout.paths(), udevDb);
        writer.write(extra, udevDb);
        if (config != null) {
            writer.writeConfig(config);
        }
        writer.writeDevMapperDir();
        return this;
    }

    public FakeSan wwids(String... wwids) {
        writer.writeWwids(List.of(wwids));
        return this;
    }

    public FakeSan bindings(String content) {
        writer.writeBindings(content);
        return this;
    }

    public List<FakePath> paths() {
        return layout.paths();
    }

    public HostRoot root() {
        return root;
    }

    public Path dir() {
        return dir;
    }

    public SanTreeWriter writer() {
        return writer;
    }

    /** The emulated device-mapper spec shared by every run on this host. */
    public String dmSpec() {
        return "emulated:" + dir.resolve("dm.state");
    }

    /** Runs {@code jmultipath --root DIR --dm emulated:DIR/dm.state ARGS}. */
    public Run jmultipath(String... args) {
        List<String> a = new ArrayList<>(List.of("--root", dir.toString(), "--dm", dmSpec()));
        a.addAll(List.of(args));
        return run(a);
    }

    public static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = MultipathMain.run(args, o, e);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
