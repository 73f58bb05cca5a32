package io.jmultipath.bench.runtime;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.format.Formatter;
import io.jmultipath.daemon.runtime.ConfigSource;
import io.jmultipath.daemon.runtime.Daemon;
import io.jmultipath.daemon.systemd.SdNotify;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code show topology} latency with 1,024 maps × 4 paths, through the CLI socket (client
 * connect + request + reply) and the formatter alone. Also prints idle RSS of this JVM.
 */
public final class ShowTopologyBench {
    public static void main(String[] args) throws Exception {
        int luns = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (BenchSan san = new BenchSan(luns, ports, true)) {
            String sock = san.dir.resolve("jmultipathd.socket").toString();
            long t0 = System.nanoTime();
            Daemon d = new Daemon(san.engine, new ConfigSource(Optional.empty(), san.root), new ReplayUeventSource(),
                    SdNotify.none(), List.of(sock));
            d.start();
            System.out.printf("startup (discovery + reconciliation of %d paths, %d maps): %.0f ms%n",
                    san.paths.size(), san.engine.snapshot().topology().maps().size(), (System.nanoTime() - t0) / 1e6);
            String text = "";
            try (CliClient c = CliClient.connect(List.of(sock))) {
                for (int i = 0; i < 30; i++) {
                    text = c.execute("show topology", Duration.ofSeconds(30));
                }
                int n = 200;
                long[] lat = new long[n];
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    text = c.execute("show topology", Duration.ofSeconds(30));
                    lat[i] = System.nanoTime() - s;
                }
                Arrays.sort(lat);
                System.out.printf("show topology over the socket (%d maps x %d paths, %d bytes): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                        luns, ports, text.length(), lat[n / 2] / 1e6, lat[n * 9 / 10] / 1e6, lat[n * 99 / 100] / 1e6);
                long s = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    c.execute("show paths", Duration.ofSeconds(30));
                }
                System.out.printf("show paths over the socket: %.2f ms mean%n", (System.nanoTime() - s) / 1e6 / 100);
            }
            long f0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                Formatter.topology(san.engine.snapshot().topology());
            }
            System.out.printf("formatter alone: %.2f ms per show topology%n", (System.nanoTime() - f0) / 1e6 / 100);
            Thread.sleep(Long.getLong("idle.seconds", 10) * 1000);
            System.gc();
            Thread.sleep(1000);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("this benchmark JVM (not the daemon as shipped: see daemon-rss), idle with %d paths after %ds: RSS %d MiB, heap used %d MiB (max %d MiB)%n",
                    san.paths.size(), Long.getLong("idle.seconds", 10), BenchSan.rssKb() / 1024,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            d.close();
        }
    }
}
