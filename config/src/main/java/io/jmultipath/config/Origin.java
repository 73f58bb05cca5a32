package io.jmultipath.config;

/** Where an effective value came from; {@link #text()} is multipath-tools' propsel origin string. */
public enum Origin {
    MULTIPATHS("(setting: multipath.conf multipaths section)"),
    OVERRIDES("(setting: multipath.conf overrides section)"),
    OVERRIDES_PROTOCOL("(setting: multipath.conf overrides protocol section)"),
    DEVICES("(setting: storage device configuration)"),
    DEFAULTS("(setting: multipath.conf defaults/devices section)"),
    BUILTIN("(setting: multipath internal)"),
    AUTODETECTED("(setting: storage device autodetected)"),
    CMDLINE("(setting: multipath command line [-p] flag)"),
    UID_ATTRS("(setting: multipath.conf defaults section / uid_attrs)");

    private final String text;

    Origin(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
