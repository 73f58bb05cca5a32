package io.jmultipath.checker.schedule;

/**
 * Per-path schedule for {@code show paths} %C (next_check): tick = whole seconds until the next
 * check, checkint = current interval in seconds; {@link #nextCheckBar()} prints "XXXX...... 8/20".
 */
public record ScheduleInfo(long tick, long checkint, boolean inFlight) {
    public String nextCheckBar() {
        int len = 10;
        int x = checkint <= 0 ? 0 : (int) Math.min(len, Math.max(0, len * tick / checkint));
        return "X".repeat(x) + ".".repeat(len - x) + " " + tick + "/" + checkint;
    }
}
