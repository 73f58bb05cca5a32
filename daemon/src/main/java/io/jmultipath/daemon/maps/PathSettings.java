package io.jmultipath.daemon.maps;

/** Per-path selections: checker, prioritizer (+ args) and the udev property holding the WWID. */
public record PathSettings(String checker, String prio, String prioArgs, String uidAttribute) {}
