package io.jmultipath.checker.scsi;

import java.util.Optional;

/**
 * ALUA facts of a path for detect_prio / detect_checker / hwhandler and %A: TPGS bits from
 * standard INQUIRY (0 none, 1 implicit, 2 explicit, 3 both) and the target port group id from
 * VPD 0x83. Empty where the device did not answer.
 */
public record AluaInfo(Optional<Integer> tpgs, Optional<Integer> tpgId) {
    public boolean supportsAlua() {
        return tpgs.orElse(Inquiry.TPGS_NONE) != Inquiry.TPGS_NONE;
    }
}
