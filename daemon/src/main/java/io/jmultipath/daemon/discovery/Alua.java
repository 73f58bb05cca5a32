package io.jmultipath.daemon.discovery;

import java.util.Optional;

/**
 * ALUA facts of a path: INQUIRY TPGS bits (from {@code device/inquiry}), the target port group id
 * (VPD 0x83 designator 5), and what scsi_dh_alua exposes ({@code access_state}, {@code preferred_path},
 * {@code dh_state}).
 */
public record Alua(Optional<Integer> tpgs, Optional<Integer> tpgId, Optional<String> accessState,
                   boolean preferred, Optional<String> dhState) {

    public static final Alua NONE = new Alua(Optional.empty(), Optional.empty(), Optional.empty(),
            false, Optional.empty());

    /** ALUA capable: TPGS bits set, or the alua device handler exposes an access state. */
    public boolean capable() {
        if (tpgs.isPresent()) {
            return tpgs.get() > 0;
        }
        return accessState.isPresent();
    }

    /** The kernel-attached device handler name, if any ("alua", "emc", "rdac", "hp_sw"). */
    public Optional<String> attachedHandler() {
        return dhState.filter(s -> !s.isBlank() && !s.equals("detached"));
    }
}
