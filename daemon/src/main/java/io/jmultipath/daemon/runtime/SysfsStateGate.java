package io.jmultipath.daemon.runtime;

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
 * multipathd's path_offline() before every check: the SCSI device state in sysfs decides first —
 * "running" calls the checker, "blocked"/"quiesce" is PENDING, anything else ("offline",
 * "transport-offline", "deleted" …) is DOWN without doing I/O ("path offline"). Devices without a
 * state file (not SCSI) always go to the checker.
 */
final class SysfsStateGate implements PathChecker {
    private final PathChecker checker;
    private final String dev;
    private final java.util.Map<String, String> seen;

    /** @param seen where the state read for {@code dev} is left for the engine (the dev_st column) */
    SysfsStateGate(PathChecker checker, String dev, java.util.Map<String, String> seen) {
        this.checker = checker;
        this.dev = dev;
        this.seen = seen;
    }

    @Override
    public String name() {
        return checker.name();
    }

    @Override
    public CheckResult check(PathHandle p) {
        Path stateFile = p.sysfsDevice().resolve("state");
        String state;
        try {
            state = Files.readString(stateFile, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT);
            seen.put(dev, state);
        } catch (NoSuchFileException e) {
            return checker.check(p);
        } catch (IOException e) {
            return new CheckResult(CheckState.DOWN, "path offline", Duration.ZERO);
        }
        return switch (state) {
            case "running" -> checker.check(p);
            case "blocked", "quiesce" -> new CheckResult(CheckState.PENDING, "", Duration.ZERO);
            default -> new CheckResult(CheckState.DOWN, "path offline", Duration.ZERO);
        };
    }
}
