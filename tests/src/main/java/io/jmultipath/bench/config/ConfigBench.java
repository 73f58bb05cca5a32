package io.jmultipath.bench.config;

import io.jmultipath.config.Config;
import io.jmultipath.config.ConfigLoader;
import io.jmultipath.config.PathIdentity;
import io.jmultipath.config.Resolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Config engine benchmark: parse + assemble a generated 2,000-line multipath.conf (on top of the
 * built-in hwtable), then resolve every attribute for 4,096 paths. Target: both together < 200 ms.
 * Run: java -cp tests.jar:config.jar:slf4j-api.jar io.jmultipath.bench.config.ConfigBench [rounds]
 */
public final class ConfigBench {
    private ConfigBench() {
    }

    static String generate(int lines) {
        StringBuilder b = new StringBuilder();
        b.append("defaults {\n\tpolling_interval 10\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n");
        b.append("blacklist {\n\tdevnode \"^(ram|loop|fd|md|dm-|sr|scd|st)[0-9]*\"\n\twwid \"^0QEMU\"\n}\n");
        b.append("devices {\n");
        int i = 0;
        while (count(b) < lines * 2 / 3) {
            b.append("\tdevice {\n\t\tvendor \"VEND").append(i % 97).append("\"\n\t\tproduct \"^PROD[0-9]+-")
                    .append(i).append("\"\n\t\tpath_grouping_policy group_by_prio\n\t\tno_path_retry ")
                    .append(1 + i % 30).append("\n\t\tprio \"alua\"\n\t\tfailback immediate\n\t}\n");
            i++;
        }
        b.append("}\noverrides {\n\tdev_loss_tmo 60\n\tprotocol {\n\t\ttype \"scsi:fcp\"\n\t\tfast_io_fail_tmo 3\n\t}\n}\n");
        b.append("multipaths {\n");
        int m = 0;
        while (count(b) < lines - 1) {
            b.append("\tmultipath {\n\t\twwid 3600").append(String.format("%028x", m)).append("\n\t\talias db")
                    .append(m).append("\n\t}\n");
            m++;
        }
        b.append("}\n");
        return b.toString();
    }

    private static int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    static List<PathIdentity> paths(int n) {
        Random r = new Random(42);
        String[][] real = {{"NETAPP", "LUN", "9300"}, {"LIO-ORG", "RAMDISK", "4.0"}, {"3PARdata", "VV", "3321"},
            {"PURE", "FlashArray", "8888"}, {"DGC", "VRAID", "0001"}, {"IBM", "2145", "0000"}, {"QEMU", "QEMU HARDDISK", "2.5+"}};
        List<PathIdentity> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] v = i % 3 == 0 ? new String[] {"VEND" + (i % 97), "PROD" + i + "-" + (i % 50), "1"}
                    : real[r.nextInt(real.length)];
            out.add(new PathIdentity(v[0], v[1], v[2], Optional.of(i % 2 == 0 ? "scsi:fcp" : "scsi:iscsi"),
                    Optional.of("3600" + String.format("%028x", i % 700))));
        }
        return out;
    }

    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Thread CPU time (immune to other processes competing for the cores) or wall time. */
    static long now() {
        return CPU ? MX.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static boolean CPU = false;

    /** One round: returns {parse ms, resolve ms}. */
    static double[] round(String text, List<PathIdentity> ps) throws Exception {
        long t0 = now();
        Config c = ConfigLoader.parse(text, "/etc/multipath.conf").config();
        long t1 = now();
        long sink = 0;
        for (PathIdentity p : ps) {
            Resolution r = c.resolve(p);
            sink += r.value("no_path_retry").length();
        }
        long t2 = now();
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        CPU = args.length > 1 && args[1].equals("cpu");
        System.out.println("clock: " + (CPU ? "thread CPU time" : "wall time"));
        String text = generate(2000);
        List<PathIdentity> ps = paths(4096);
        System.out.printf("config: %d lines, %d paths, %d rounds%n", count(text), ps.size(), rounds);
        double[] first = round(text, ps);
        System.out.printf("first (cold JVM): parse %.1f ms, resolve %.1f ms, total %.1f ms%n",
                first[0], first[1], first[0] + first[1]);
        double[] parse = new double[rounds];
        double[] resolve = new double[rounds];
        double[] total = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double[] r = round(text, ps);
            parse[i] = r[0];
            resolve[i] = r[1];
            total[i] = r[0] + r[1];
        }
        System.out.printf("warm median: parse %.1f ms, resolve %.1f ms, total %.1f ms (min total %.1f, max %.1f)%n",
                median(parse), median(resolve), median(total), Arrays.stream(total).min().orElse(0),
                Arrays.stream(total).max().orElse(0));
        System.out.println("target: total < 200 ms -> " + (median(total) < 200 ? "MET" : "NOT MET"));
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
