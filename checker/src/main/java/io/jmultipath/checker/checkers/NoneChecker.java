package io.jmultipath.checker.checkers;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * none: no I/O. Uses the SCSI device state in sysfs (device/state) like multipathd's
 * path_offline(): running UP, blocked/quiesce PENDING, anything else (offline, transport-offline,
 * created, cancel, deleted, ...) DOWN; without a state file (not SCSI) the path is UP and the
 * message is multipath-tools' "none checker is disabled".
 */
public final class NoneChecker implements PathChecker {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public CheckResult check(PathHandle p) {
        long t0 = System.nanoTime();
        Path stateFile = p.sysfsDevice().resolve("state");
        String state;
        try {
            state = Files.readString(stateFile, StandardCharsets.US_ASCII).trim().toLowerCase(Locale.ROOT);
        } catch (NoSuchFileException e) {
            return result(CheckState.UP, "none checker is disabled", t0);
        } catch (IOException e) {
            return result(CheckState.DOWN, "none checker reports path is down", t0);
        }
        return result(parseState(state), message(parseState(state)), t0);
    }

    /** Pure mapping of a sysfs SCSI device state. */
    public static CheckState parseState(String state) {
        if (state.startsWith("blocked") || state.startsWith("quiesce")) {
            return CheckState.PENDING;
        }
        return state.startsWith("running") ? CheckState.UP : CheckState.DOWN;
    }

    private static String message(CheckState s) {
        return "none checker reports path is " + (s == CheckState.DOWN ? "down" : s == CheckState.PENDING ? "pending" : "up");
    }

    private static CheckResult result(CheckState s, String msg, long t0) {
        return new CheckResult(s, msg, Duration.ofNanos(System.nanoTime() - t0));
    }
}
