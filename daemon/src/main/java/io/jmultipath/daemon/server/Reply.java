package io.jmultipath.daemon.server;

/**
 * What a command handler answers. {@link #wireText()} applies multipathd's conventions: a
 * successful handler that wrote nothing answers {@code ok\n}; a failure answers {@code fail\n}
 * followed by its reason line (if any).
 */
public record Reply(boolean success, String text) {

    public Reply {
        text = text == null ? "" : text;
    }

    public static Reply ok() {
        return new Reply(true, "");
    }

    public static Reply text(String text) {
        return new Reply(true, text);
    }

    public static Reply fail() {
        return new Reply(false, "");
    }

    /** fail + a reason line; a missing trailing newline is added. */
    public static Reply fail(String reason) {
        return new Reply(false, reason.endsWith("\n") || reason.isEmpty() ? reason : reason + "\n");
    }

    /** ENODEV. */
    public static Reply deviceNotFound() {
        return fail("device not found");
    }

    /** EBUSY. */
    public static Reply busy() {
        return fail("map or partition in use");
    }

    /** ETIMEDOUT. */
    public static Reply timeout() {
        return fail("timeout");
    }

    /** EPERM. */
    public static Reply permissionDenied() {
        return fail("permission deny: need to be root");
    }

    public String wireText() {
        if (success) {
            return text.isEmpty() ? "ok\n" : text;
        }
        return "fail\n" + text;
    }
}
