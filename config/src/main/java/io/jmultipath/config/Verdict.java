package io.jmultipath.config;

/** Result of a blacklist check; {@code reason} e.g. "sdb: device node name blacklisted". */
public record Verdict(boolean blacklisted, String reason) {
}
