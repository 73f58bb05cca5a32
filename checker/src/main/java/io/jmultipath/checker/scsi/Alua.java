package io.jmultipath.checker.scsi;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** ALUA queries over {@link SgIo}: INQUIRY TPGS bits, VPD 0x83 TPG id, RTPG access state. */
public final class Alua {
    static final int STD_INQUIRY_LEN = 96;
    static final int VPD_INITIAL_LEN = 255;
    static final int RTPG_INITIAL_LEN = 512;
    static final int MAX_LEN = 0xffff;

    private Alua() {
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** {@link #inquire(SgIo, Path, Duration)} with multipath-tools' default 30 s timeout. */
    public static AluaInfo inquire(SgIo sgio, Path devNode) throws ErrnoException {
        return inquire(sgio, devNode, DEFAULT_TIMEOUT);
    }

    /**
     * detect_alua(): the TPGS bits, but TPGS_NONE (0) unless the TPG id and its RTPG access state
     * can be read too. Non-zero means detect_checker picks tur and detect_prio picks sysfs/alua.
     */
    public static int detectTpgs(SgIo sgio, Path devNode, Duration timeout) throws ErrnoException {
        AluaInfo info = inquire(sgio, devNode, timeout);
        if (!info.supportsAlua() || info.tpgId().isEmpty()
            || accessState(sgio, devNode, info.tpgId().get(), timeout).isEmpty()) {
            return Inquiry.TPGS_NONE;
        }
        return info.tpgs().orElse(Inquiry.TPGS_NONE);
    }

    /**
     * detect_prio() for SCSI: empty for TPGS_NONE; "sysfs" when device/access_state is readable
     * (scsi_dh_alua attached), else "alua". (multipath-tools also prefers alua over sysfs for
     * implicit-only RDAC arrays; that vendor check is left to the caller.)
     */
    public static Optional<String> detectPrio(int tpgs, Path sysfsDevice) {
        if (tpgs == Inquiry.TPGS_NONE) {
            return Optional.empty();
        }
        return java.nio.file.Files.isReadable(sysfsDevice.resolve("access_state")) ? Optional.of("sysfs") : Optional.of("alua");
    }

    /** TPGS and TPG id; a command the device rejects leaves that field empty. */
    public static AluaInfo inquire(SgIo sgio, Path devNode, Duration timeout) throws ErrnoException {
        Optional<Integer> tpgs = dataIn(sgio, devNode, Cdbs.inquiry(STD_INQUIRY_LEN, timeout)).flatMap(Inquiry::tpgs);
        return new AluaInfo(tpgs, targetPortGroup(sgio, devNode, timeout));
    }

    /**
     * get_target_port_group(): the TPG id from the kernel's cached VPD page 0x83 (sysfsDevice/vpd_pg83)
     * when it is readable and holds a TPG designator, else from INQUIRY VPD 0x83 over SG_IO.
     */
    public static Optional<Integer> targetPortGroup(SgIo sgio, Path devNode, Path sysfsDevice, Duration timeout)
            throws ErrnoException {
        try {
            Optional<Integer> cached = Inquiry.targetPortGroup(java.nio.file.Files.readAllBytes(sysfsDevice.resolve("vpd_pg83")));
            if (cached.isPresent()) {
                return cached;
            }
        } catch (java.io.IOException e) {
            // no cached page (old kernel, not SCSI): ask the device
        }
        return targetPortGroup(sgio, devNode, timeout);
    }

    /** The TPG id from INQUIRY VPD 0x83 (retried with the page's full length when it is longer). */
    public static Optional<Integer> targetPortGroup(SgIo sgio, Path devNode, Duration timeout) throws ErrnoException {
        Optional<byte[]> page = dataIn(sgio, devNode, Cdbs.inquiryVpd(0x83, VPD_INITIAL_LEN, timeout));
        if (page.isPresent() && page.get().length >= 4) {
            byte[] p = page.get();
            int want = 4 + (((p[2] & 0xff) << 8) | (p[3] & 0xff));
            if (want > VPD_INITIAL_LEN && p.length >= VPD_INITIAL_LEN) {
                page = dataIn(sgio, devNode, Cdbs.inquiryVpd(0x83, Math.min(want, MAX_LEN), timeout));
            }
        }
        return page.flatMap(Inquiry::targetPortGroup);
    }

    /** RTPG descriptor of the given group (asymmetric access state + PREF), if reported. */
    public static Optional<TargetPortGroups.Descriptor> accessState(SgIo sgio, Path devNode, int tpgId,
                                                                  Duration timeout) throws ErrnoException {
        Optional<byte[]> data = dataIn(sgio, devNode, Cdbs.reportTargetPortGroups(RTPG_INITIAL_LEN, timeout));
        if (data.isPresent()) {
            int want = TargetPortGroups.requiredLength(data.get());
            if (want > RTPG_INITIAL_LEN) {
                data = dataIn(sgio, devNode, Cdbs.reportTargetPortGroups(Math.min(want, MAX_LEN), timeout));
            }
        }
        return data.flatMap(d -> TargetPortGroups.find(d, tpgId));
    }

    /** Data of a data-in command with good status; empty on any SCSI error. */
    static Optional<byte[]> dataIn(SgIo sgio, Path devNode, SgRequest req) throws ErrnoException {
        for (int tries = 0; tries < 3; tries++) {
            SgResponse r = sgio.execute(devNode, req);
            if (ScsiVerdicts.infoOk(r)) {
                return Optional.of(r.data());
            }
            Optional<Sense> s = Sense.parse(r.sense());
            if (s.isEmpty() || s.get().key() != Sense.UNIT_ATTENTION) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
