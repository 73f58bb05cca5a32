package io.jmultipath.dmctl.cli;

import java.io.PrintStream;
import java.util.List;

/** `jmultipath dm ...`: a dmsetup-style debugging CLI (stub: being written). */
public final class DmCommand {
  private DmCommand() {}

  public static int run(List<String> args, String dmSpec, PrintStream out, PrintStream err) {
    err.println("dm: not implemented yet");
    return 1;
  }
}
