package io.jmultipath.selector.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Renders the results as a PNG-ready image (java.awt, headless): left, grouped bars of p50 and
 * p99 latency per selector; right, each selector's per-path I/O share as a stacked bar.
 */
final class Chart {

    private static final int W = 960;
    private static final int H = 440;
    private static final Color[] PATH_COLORS = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B),
        new Color(0xE45756), new Color(0x72B7B2), new Color(0xB279A2), new Color(0xFF9DA6), new Color(0x9D755D)};
    private static final Color P50 = new Color(0x9ECAE9);
    private static final Color P99 = new Color(0x1F4E79);

    private Chart() {
    }

    static BufferedImage render(SimOptions o, List<SimResult> results) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(String.format(Locale.ROOT, "jmultipath simulate: %d paths, %s I/Os, iodepth %d, seed %d",
                    o.paths().size(), Units.humanSize(o.ioSize()), o.iodepth(), o.seed()), 20, 24);
            latencyPanel(g, results, 20, 50, 520, 360);
            sharePanel(g, o, results, 580, 50, 360, 360);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void latencyPanel(Graphics2D g, List<SimResult> rs, int x, int y, int w, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString("latency (ms): p50 light, p99 dark", x + 40, y + 10);
        int left = x + 40;
        int bottom = y + h - 40;
        int top = y + 30;
        double max = 0;
        for (SimResult r : rs) {
            max = Math.max(max, r.percentile(0.99) / 1e6);
        }
        max = niceCeil(max);
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= 4; i++) {
            int yy = bottom - (bottom - top) * i / 4;
            g.drawLine(left, yy, x + w, yy);
            g.setColor(Color.DARK_GRAY);
            String label = fmt(max * i / 4);
            g.drawString(label, left - 6 - fm.stringWidth(label), yy + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        int n = Math.max(1, rs.size());
        int slot = (x + w - left) / n;
        int bw = Math.max(6, slot / 3);
        for (int i = 0; i < rs.size(); i++) {
            SimResult r = rs.get(i);
            int sx = left + i * slot + slot / 2;
            double scale = (bottom - top) / max;
            bar(g, sx - bw, bottom, bw - 2, r.percentile(0.50) / 1e6, scale, P50);
            bar(g, sx, bottom, bw - 2, r.percentile(0.99) / 1e6, scale, P99);
            g.setColor(Color.BLACK);
            String name = r.selector().name();
            String shortName = name.replace("historical-service-time", "hist-service-time");
            g.drawString(shortName, sx - fm.stringWidth(shortName) / 2, bottom + 16);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, bottom, x + w, bottom);
        g.drawLine(left, top, left, bottom);
    }

    private static void bar(Graphics2D g, int x, int bottom, int w, double ms, double scale, Color c) {
        int hh = (int) Math.round(Math.max(1, ms * scale));
        g.setColor(c);
        g.fillRect(x, bottom - hh, w, hh);
        g.setColor(Color.BLACK);
        g.drawRect(x, bottom - hh, w, hh);
        String v = fmt(ms);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(v, x + (w - fm.stringWidth(v)) / 2, bottom - hh - 3);
    }

    private static void sharePanel(Graphics2D g, SimOptions o, List<SimResult> rs, int x, int y, int w, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString("share of I/Os per path", x, y + 10);
        int rowH = Math.min(50, (h - 80) / Math.max(1, rs.size()));
        int left = x + 120;
        int barW = w - 130;
        for (int i = 0; i < rs.size(); i++) {
            SimResult r = rs.get(i);
            int yy = y + 30 + i * (rowH + 8);
            g.setColor(Color.BLACK);
            String name = r.selector().name().replace("historical-service-time", "hist-service-time");
            g.drawString(name, x, yy + rowH / 2 + 4);
            int cx = left;
            for (int p = 0; p < o.paths().size(); p++) {
                int pw = (int) Math.round(barW * r.share(p) / 100.0);
                g.setColor(PATH_COLORS[p % PATH_COLORS.length]);
                g.fillRect(cx, yy, pw, rowH);
                if (pw > 34) {
                    g.setColor(Color.WHITE);
                    String s = String.format(Locale.ROOT, "%.0f%%", r.share(p));
                    g.drawString(s, cx + (pw - fm.stringWidth(s)) / 2, yy + rowH / 2 + 4);
                }
                cx += pw;
            }
        }
        int ly = y + 30 + rs.size() * (rowH + 8) + 10;
        int lx = left;
        for (int p = 0; p < o.paths().size(); p++) {
            g.setColor(PATH_COLORS[p % PATH_COLORS.length]);
            g.fillRect(lx, ly, 12, 12);
            g.setColor(Color.BLACK);
            String name = o.paths().get(p).name();
            g.drawString(name, lx + 16, ly + 11);
            lx += 30 + fm.stringWidth(name);
        }
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double e = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * e >= v) {
                return m * e;
            }
        }
        return 10 * e;
    }

    private static String fmt(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
