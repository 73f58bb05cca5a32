package io.jmultipath.dmctl;

import java.util.Optional;

/** DM_DEV_STATUS (dmsetup info) of one map. */
public record DmInfo(String name, DevT dev, Optional<String> uuid, int eventNr, int openCount,
                     int targetCount, boolean suspended, boolean readOnly,
                     boolean liveTable, boolean inactiveTable) {}
