package io.jmultipath.selector.sim;

import java.util.List;
import java.util.Locale;

/** The fixed-width result table and the CSV form. */
final class Report {

    private Report() {
    }

    static String header(SimOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "simulate: %d path%s, %s I/Os, %d%% read, iodepth %d, %s, seed %d%n",
                o.paths().size(), o.paths().size() == 1 ? "" : "s", Units.humanSize(o.ioSize()), o.readPct(),
                o.iodepth(), stopRule(o), o.seed()));
        int w = nameWidth(o);
        for (PathModel p : o.paths()) {
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %s%n", p.name(), p.describe()));
        }
        return sb.toString();
    }

    private static String stopRule(SimOptions o) {
        if (o.durationNs().isPresent()) {
            String d = Units.humanDuration(o.durationNs().getAsLong());
            return o.maxIos() < SimOptions.IO_LIMIT ? d + " or " + o.maxIos() + " I/Os" : d;
        }
        return o.maxIos() + " I/Os";
    }

    private static int nameWidth(SimOptions o) {
        int w = 4;
        for (PathModel p : o.paths()) {
            w = Math.max(w, p.name().length());
        }
        return w;
    }

    static String table(SimOptions o, List<SimResult> results) {
        int sw = "selector".length();
        for (SimResult r : results) {
            sw = Math.max(sw, r.selector().tableForm().length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + sw + "s %10s %8s %9s %8s %8s %8s", "selector", "IOPS", "MiB/s",
                "mean_ms", "p50_ms", "p99_ms", "max_ms"));
        for (PathModel p : o.paths()) {
            sb.append(String.format(Locale.ROOT, " %" + Math.max(7, p.name().length()) + "s", p.name()));
        }
        sb.append(System.lineSeparator());
        for (SimResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-" + sw + "s %10.1f %8.1f %9s %8s %8s %8s", r.selector().tableForm(),
                    r.iops(), r.mbPerSec(), Units.ms(r.meanNs()), Units.ms(r.percentile(0.50)),
                    Units.ms(r.percentile(0.99)), Units.ms(r.maxNs())));
            for (int i = 0; i < o.paths().size(); i++) {
                String share = String.format(Locale.ROOT, "%.1f%%", r.share(i));
                sb.append(String.format(Locale.ROOT, " %" + Math.max(7, o.paths().get(i).name().length()) + "s", share));
            }
            sb.append(System.lineSeparator());
        }
        for (SimResult r : results) {
            if (r.requeued() > 0) {
                sb.append(String.format(Locale.ROOT, "%s: %d I/Os retried after path failures%n",
                        r.selector().tableForm(), r.requeued()));
            }
            if (r.stranded() > 0) {
                sb.append(String.format(Locale.ROOT, "%s: %d I/Os still queued at the end: no valid path%n",
                        r.selector().tableForm(), r.stranded()));
            }
        }
        return sb.toString();
    }

    static String csv(SimOptions o, List<SimResult> results) {
        StringBuilder sb = new StringBuilder("selector,ios,bytes,elapsed_ms,iops,mib_per_s,mean_ms,p50_ms,p99_ms,p999_ms,max_ms,requeued,stranded");
        for (PathModel p : o.paths()) {
            sb.append(",share_").append(p.name()).append("_pct");
        }
        sb.append('\n');
        for (SimResult r : results) {
            sb.append(r.selector().tableForm()).append(',').append(r.ios()).append(',').append(r.bytes()).append(',')
              .append(Units.ms(r.elapsedNs())).append(',')
              .append(String.format(Locale.ROOT, "%.1f,%.2f", r.iops(), r.mbPerSec())).append(',')
              .append(Units.ms(r.meanNs())).append(',').append(Units.ms(r.percentile(0.50))).append(',')
              .append(Units.ms(r.percentile(0.99))).append(',').append(Units.ms(r.percentile(0.999))).append(',')
              .append(Units.ms(r.maxNs())).append(',').append(r.requeued())
              .append(',').append(r.stranded());
            for (int i = 0; i < o.paths().size(); i++) {
                sb.append(String.format(Locale.ROOT, ",%.2f", r.share(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
