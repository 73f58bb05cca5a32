package io.jmultipath.daemon.uevent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Events from text, or offered by a test/the demo. Text: blocks separated by blank lines; a block
 * is an optional {@code ACTION@DEVPATH} line and {@code KEY=VALUE} lines; {@code #} starts a comment.
 */
public final class ReplayUeventSource implements UeventSource {
    private final BlockingQueue<Uevent> queue = new LinkedBlockingQueue<>();

    public ReplayUeventSource() {
    }

    public ReplayUeventSource(List<Uevent> initial) {
        queue.addAll(initial);
    }

    public static ReplayUeventSource fromText(String text, String fileName) throws UeventParseException {
        return new ReplayUeventSource(parse(text, fileName));
    }

    public void offer(Uevent u) {
        queue.add(u);
    }

    public int pending() {
        return queue.size();
    }

    /** Parses replay text; errors name file:line. */
    public static List<Uevent> parse(String text, String fileName) throws UeventParseException {
        List<Uevent> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        int blockStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!env.isEmpty()) {
                    String a = env.get("ACTION");
                    String p = env.get("DEVPATH");
                    if (a == null || p == null) {
                        throw new UeventParseException(fileName + ":" + (blockStart + 1) + ": event without ACTION or DEVPATH");
                    }
                    out.add(new Uevent(a, p, env, Uevent.Origin.REPLAY));
                    env = new LinkedHashMap<>();
                }
                continue;
            }
            if (env.isEmpty()) {
                blockStart = i;
            }
            int eq = line.indexOf('=');
            int at = line.indexOf('@');
            if (eq > 0 && (at < 0 || eq < at)) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (at > 0 && env.isEmpty()) {
                env.put("ACTION", line.substring(0, at));
                env.put("DEVPATH", line.substring(at + 1));
            } else {
                throw new UeventParseException(fileName + ":" + (i + 1) + ": expected KEY=VALUE or ACTION@DEVPATH: " + line);
            }
        }
        return out;
    }

    @Override
    public List<Uevent> receive(Duration timeout, int max) throws InterruptedException {
        List<Uevent> out = new ArrayList<>();
        Uevent first = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return out;
        }
        out.add(first);
        queue.drainTo(out, Math.max(0, max - 1));
        return out;
    }

    @Override
    public void close() {
        queue.clear();
    }
}
