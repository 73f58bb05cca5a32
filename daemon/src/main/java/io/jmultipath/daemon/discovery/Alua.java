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

    /** path_get_tpgs: supported, not supported, or unknown (no INQUIRY data and no ALUA handler state). */
    public enum Tpgs { SUPPORTED, NONE, UNDEF }

    /**
     * TPGS as multipath-tools' detect_alua sees it: the INQUIRY TPGS bits set and a target port
     * group in VPD 0x83 (else not supported); without INQUIRY data, the access state scsi_dh_alua
     * exposes.
     */
    public Tpgs tpgsState() {
        if (tpgs.isPresent()) {
            return tpgs.get() > 0 && tpgId.isPresent() ? Tpgs.SUPPORTED : Tpgs.NONE;
        }
        return accessState.isPresent() ? Tpgs.SUPPORTED : Tpgs.UNDEF;
    }

    /** ALUA capable (detect_prio / detect_checker): TPGS supported. */
    public boolean capable() {
        return tpgsState() == Tpgs.SUPPORTED;
    }

    /** The kernel-attached device handler name, if any ("alua", "emc", "rdac", "hp_sw"). */
    public Optional<String> attachedHandler() {
        return dhState.filter(s -> !s.isBlank() && !s.equals("detached"));
    }
}
