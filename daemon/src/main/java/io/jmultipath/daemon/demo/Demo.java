package io.jmultipath.daemon.demo;

import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.runtime.ConfigSource;
import io.jmultipath.daemon.runtime.DaemonLauncher;
import io.jmultipath.daemon.runtime.DaemonOptions;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code jmultipathd --demo}: the real daemon against a simulated SAN in a temp dir — 4 LIO LUNs
 * × 2 iSCSI paths, an emulated dm-multipath kernel, the real directio checker on the simulated
 * /dev nodes, and one path that flaps every 30 s. No root, no hardware.
 */
public final class Demo {
    static final String CONFIG = """
            # jmultipathd --demo
            defaults {
                find_multipaths greedy
                user_friendly_names yes
                polling_interval 5
            }
            overrides {
                path_checker directio
                detect_checker no
                no_path_retry 3
                failback immediate
            }
            """;

    private Demo() {
    }

    public static int run(DaemonOptions o) {
        try {
            Path dir = o.root().orElse(Files.createTempDirectory("jmultipathd-demo"));
            HostRoot root = new HostRoot(dir);
            SanTreeWriter w = new SanTreeWriter(root);
            List<FakeLun> luns = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                luns.add(SanLayout.lioLun(i, 2097152L * i));
            }
            List<FakePath> paths = new SanLayout(0).ports(luns, 2, 2, FakeTransport.ISCSI).paths();
            w.write(paths, true);
            w.writeDevMapperDir();
            w.writeConfig(CONFIG);
            for (FakePath p : paths) {
                Files.write(root.dev().resolve(p.dev()), new byte[64 * 1024]); // readable for directio
            }
            Set<DevT> devs = paths.stream().map(p -> new DevT(p.major(), p.minor())).collect(Collectors.toSet());
            Path state = dir.resolve("dm-emulated.state");
            EmulatedDeviceMapper dm = EmulatedDeviceMapper.shared(state, devs::contains);
            String socket = o.socket().orElse(dir.resolve("jmultipathd.socket").toString());
            System.out.printf("""
                    jmultipathd demo: simulated SAN under %s
                      4 LUNs x 2 paths, emulated device-mapper (%s), path %s flaps every 30 s.
                      connect:   bin/jmultipathd -k --socket %s
                           or:   MULTIPATH_SOCKET_NAME=%s bin/jmultipathd show topology
                      one-shot:  bin/jmultipath --root %s --dm emulated:%s -ll
                      stop:      Ctrl-C
                    %n""", dir, state, paths.get(0).dev(), socket, socket, dir, state);
            Flapper flapper = new Flapper(root, dm, paths.get(0), paths.stream().map(p -> new DevT(p.major(), p.minor())).toList());
            flapper.start();
            try {
                return DaemonLauncher.runDaemon(root, dm, new ReplayUeventSource(), List.of(socket),
                        new ConfigSource(Optional.empty(), root));
            } finally {
                flapper.stop();
            }
        } catch (IOException e) {
            System.err.println("jmultipathd --demo: " + e.getMessage());
            return 1;
        }
    }
}
