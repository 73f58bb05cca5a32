package io.jmultipath.daemon.topology;

/** Checker schedule of a path for {@code %C}: seconds until the next check, of the current interval. */
public record CheckTick(int tick, int checkint) {}
