package io.jmultipath.checker.scsi;

import io.jmultipath.checker.CheckState;
import java.util.Optional;

/**
 * Pure decoding of SG_IO responses the way multipath-tools' tur checker and libsg's sg_read do.
 * {@link #RETRY} means "issue the command again if tries are left".
 */
public final class ScsiVerdicts {
    /** Outcome of one command: a state, or retry. */
    public enum Verdict { UP, DOWN, GHOST, TRANSITIONING, DISCONNECTED, RETRY }

    static final int DID_OK = 0x00;
    static final int DID_NO_CONNECT = 0x01;
    static final int DID_BAD_TARGET = 0x04;
    static final int DID_ABORT = 0x05;
    static final int DID_TRANSPORT_FAILFAST = 0x0f;

    private ScsiVerdicts() {
    }

    /** SG_INFO_OK as the block layer sets it: no masked status, host or driver status. */
    public static boolean infoOk(SgResponse r) {
        return (r.status() & 0x7e) == 0 && r.hostStatus() == 0 && r.driverStatus() == 0;
    }

    /**
     * TEST UNIT READY (tur.c): RESERVATION CONFLICT is up; a host status other than OK, NO_CONNECT,
     * BAD_TARGET, ABORT, TRANSPORT_FAILFAST is retried; UNIT ATTENTION retried; NOT READY 04/0B is
     * ghost (standby), 04/0A transitioning; ILLEGAL REQUEST 25/00 disconnected; other errors down.
     * When retries are exhausted, a retryable condition falls through to the sense decoding.
     */
    public static Verdict tur(SgResponse r, boolean triesLeft) {
        if ((r.status() & 0x7e) == SgResponse.STATUS_RESERVATION_CONFLICT) {
            return Verdict.UP;
        }
        if (infoOk(r)) {
            return Verdict.UP;
        }
        switch (r.hostStatus()) {
            case DID_OK:
            case DID_NO_CONNECT:
            case DID_BAD_TARGET:
            case DID_ABORT:
            case DID_TRANSPORT_FAILFAST:
                break;
            default:
                if (triesLeft) {
                    return Verdict.RETRY;
                }
        }
        Optional<Sense> sense = Sense.parse(r.sense());
        if (sense.isPresent()) {
            Sense s = sense.get();
            if (s.key() == Sense.UNIT_ATTENTION) {
                if (triesLeft) {
                    return Verdict.RETRY;
                }
            } else if (s.key() == Sense.NOT_READY) {
                if (s.asc() == 0x04 && s.ascq() == 0x0b) {
                    return Verdict.GHOST;
                }
                if (s.asc() == 0x04 && s.ascq() == 0x0a) {
                    return Verdict.TRANSITIONING;
                }
            } else if (s.key() == Sense.ILLEGAL_REQUEST && s.asc() == 0x25 && s.ascq() == 0x00) {
                return Verdict.DISCONNECTED;
            }
        }
        return Verdict.DOWN;
    }

    /** sg_read (readsector0): good status is up, UNIT ATTENTION retried, anything else down. */
    public static Verdict read(SgResponse r, boolean triesLeft) {
        if (r.status() == 0 && r.hostStatus() == 0 && r.driverStatus() == 0) {
            return Verdict.UP;
        }
        Optional<Sense> sense = Sense.parse(r.sense());
        if (sense.isPresent() && sense.get().key() == Sense.UNIT_ATTENTION && triesLeft) {
            return Verdict.RETRY;
        }
        return Verdict.DOWN;
    }

    public static CheckState state(Verdict v) {
        switch (v) {
            case UP: return CheckState.UP;
            case GHOST: return CheckState.GHOST;
            case TRANSITIONING: return CheckState.PENDING;
            case DISCONNECTED: return CheckState.DISCONNECTED;
            default: return CheckState.DOWN;
        }
    }

    /** multipath-tools' message suffix for the verdict (after "&lt;name&gt; checker"). */
    public static String messageSuffix(Verdict v) {
        switch (v) {
            case UP: return " reports path is up";
            case GHOST: return " reports path is ghost";
            case TRANSITIONING: return " reports path is transitioning";
            case DISCONNECTED: return " no access to this device";
            default: return " reports path is down";
        }
    }
}
