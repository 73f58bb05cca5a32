package io.jmultipath.checker.prio;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.scsi.TargetPortGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * sysfs: device/access_state (scsi_dh_alua) active/optimized 50, active/non-optimized 10,
 * lba-dependent 5, standby 1, else 0; +80 when device/preferred_path is 1 unless the state is
 * optimized and prio_args lacks exclusive_pref_bit. No access_state: -1 (undefined).
 */
public final class SysfsPrioritizer implements Prioritizer {
    @Override
    public String name() {
        return "sysfs";
    }

    @Override
    public int priority(PathHandle p, String args) {
        Optional<String> state = read(p.sysfsDevice().resolve("access_state"));
        if (state.isEmpty()) {
            return PRIO_UNDEF;
        }
        boolean preferred = read(p.sysfsDevice().resolve("preferred_path")).map(s -> s.equals("1")).orElse(false);
        return priority(state.get(), preferred, TargetPortGroups.exclusivePrefBit(args));
    }

    /** Pure: the value for an access_state text and preferred flag. */
    public static int priority(String accessState, boolean preferred, boolean exclusivePrefBit) {
        int prio = 0;
        if (accessState.startsWith("active/optimized")) {
            prio = 50;
        } else if (accessState.startsWith("active/non-optimized")) {
            prio = 10;
        } else if (accessState.startsWith("lba-dependent")) {
            prio = 5;
        } else if (accessState.startsWith("standby")) {
            prio = 1;
        }
        if (preferred && (prio != 50 || exclusivePrefBit)) {
            prio += 80;
        }
        return prio;
    }

    private static Optional<String> read(Path f) {
        try {
            return Optional.of(Files.readString(f, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
