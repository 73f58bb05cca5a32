package io.jmultipath.dmctl;

import java.util.Optional;

/** One entry of DM_LIST_DEVICES. */
public record DmDevice(String name, DevT dev, Optional<String> uuid, int eventNr) {}
