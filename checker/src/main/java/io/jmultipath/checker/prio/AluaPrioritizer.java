package io.jmultipath.checker.prio;

import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.scsi.Alua;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.TargetPortGroups;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * alua: TPG id from VPD 0x83 (the kernel's cached device/vpd_pg83 first, else INQUIRY), then REPORT TARGET PORT GROUPS; the descriptor of that group gives
 * the access state and PREF bit ({@link TargetPortGroups#priority}). Any failure: -1.
 */
public final class AluaPrioritizer implements Prioritizer {
    private static final Logger LOG = LoggerFactory.getLogger(AluaPrioritizer.class);
    private final SgIo sgio;

    public AluaPrioritizer(SgIo sgio) {
        this.sgio = sgio;
    }

    @Override
    public String name() {
        return "alua";
    }

    @Override
    public int priority(PathHandle p, String args) {
        try {
            Optional<Integer> tpg = Alua.targetPortGroup(sgio, p.devNode(), p.sysfsDevice(), p.timeout());
            if (tpg.isEmpty()) {
                boolean supported = Alua.inquire(sgio, p.devNode(), p.timeout()).supportsAlua();
                LOG.info("{}: {}", p.devName(), supported ? "couldn't get target port group" : "alua not supported");
                return PRIO_UNDEF;
            }
            Optional<TargetPortGroups.Descriptor> d = Alua.accessState(sgio, p.devNode(), tpg.get(), p.timeout());
            if (d.isEmpty()) {
                LOG.info("{}: couldn't get asymmetric access state", p.devName());
                return PRIO_UNDEF;
            }
            LOG.debug("{}: tpg {} aas {} preferred {}", p.devName(), tpg.get(), d.get().accessState(), d.get().preferred());
            return TargetPortGroups.priority(d.get().accessState(), d.get().preferred(),
                TargetPortGroups.exclusivePrefBit(args));
        } catch (ErrnoException e) {
            LOG.info("{}: alua prio: {}", p.devName(), e.getMessage());
            return PRIO_UNDEF;
        }
    }
}
