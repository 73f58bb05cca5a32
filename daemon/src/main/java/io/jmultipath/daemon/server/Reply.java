package io.jmultipath.daemon.server;

/**
 * What a command handler answers, and how multipathd 0.9.4 puts it on the wire (uxlsnr.c
 * default_reply): text a handler wrote is sent as it is, whether it succeeded or not; a success
 * without text is {@code ok\n}; a failure without text is a bare {@code fail\n}. The 0.9.4 daemon
 * sends no reason after {@code fail} (its client exits 1 only for exactly {@code fail\n}), so the
 * {@link #reason()} of a failure goes to the daemon's log instead.
 *
 * @param success did the command succeed
 * @param text    the reply text the handler wrote ("" = none)
 * @param reason  why it failed, for the log ("" = none)
 */
public record Reply(boolean success, String text, String reason) {

    public static final String TIMEOUT = "timeout\n";
    public static final String PERMISSION_DENIED = "permission deny: need to be root\n";

    public Reply {
        text = text == null ? "" : text;
        reason = reason == null ? "" : reason.strip();
    }

    public static Reply ok() {
        return new Reply(true, "", "");
    }

    public static Reply text(String text) {
        return new Reply(true, text, "");
    }

    public static Reply fail() {
        return new Reply(false, "", "");
    }

    /** A failure; the reason is logged, the client gets {@code fail\n}. */
    public static Reply fail(String reason) {
        return new Reply(false, "", reason);
    }

    /** A failure that answers a text of its own (multipathd's "blacklisted\n" from add map). */
    public static Reply failWithText(String text, String reason) {
        return new Reply(false, text, reason);
    }

    /** ENODEV. */
    public static Reply deviceNotFound() {
        return fail("device not found");
    }

    /** EBUSY. */
    public static Reply busy() {
        return fail("map or partition in use");
    }

    /** ETIMEDOUT: multipathd answers "timeout" (no "fail" before it). */
    public static Reply timeout() {
        return failWithText(TIMEOUT, "timeout");
    }

    /** EPERM: a non-root caller sent a command other than list/show. */
    public static Reply permissionDenied() {
        return failWithText(PERMISSION_DENIED, "permission deny: need to be root");
    }

    public String wireText() {
        if (!text.isEmpty()) {
            return text;
        }
        return success ? "ok\n" : "fail\n";
    }

    /** Did a reply on the wire report a failure (any daemon version: "fail…", timeout, EPERM)? */
    public static boolean isFailure(String wire) {
        return wire.equals("fail\n") || wire.startsWith("fail\n") || wire.equals(TIMEOUT) || wire.equals(PERMISSION_DENIED);
    }
}
