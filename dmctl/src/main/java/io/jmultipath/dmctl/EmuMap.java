package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One device of the emulated kernel. Mutable; owned by {@link EmuKernel}. */
final class EmuMap {
  String name;
  final Optional<String> uuid;
  final int minor;
  int eventNr;
  int openCount;
  boolean suspended;
  boolean readOnly;
  boolean deferredRemove;
  List<DmTarget> live;          // null = no live table
  MpathTarget liveMp;           // runtime of a live multipath target
  List<DmTarget> inactive;      // null = no inactive table
  MpathTarget inactiveMp;
  long ioCompleted;
  long ioFailed;
  long heldWhileSuspended;

  EmuMap(String name, Optional<String> uuid, int minor) {
    this.name = name;
    this.uuid = uuid;
    this.minor = minor;
  }

  List<DevT> deps() {
    List<DevT> out = new ArrayList<>();
    if (live == null) {
      return out;
    }
    if (liveMp != null) {
      for (DevT d : liveMp.devices()) {
        if (!out.contains(d)) {
          out.add(d);
        }
      }
      return out;
    }
    for (DmTarget t : live) {
      if (t.type().equals("linear") || t.type().equals("striped")) {
        for (String w : t.params().split("\\s+")) {
          if (w.indexOf(':') > 0) {
            try {
              DevT d = DevT.parse(w);
              if (!out.contains(d)) {
                out.add(d);
              }
            } catch (IllegalArgumentException e) {
              // not a device word
            }
          }
        }
      }
    }
    return out;
  }
}
