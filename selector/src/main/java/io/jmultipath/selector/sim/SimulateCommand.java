package io.jmultipath.selector.sim;

import java.io.PrintStream;
import java.util.List;

/** {@code jmultipath simulate}: what-if simulation of path selectors. */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("simulate: not implemented yet");
        return 1;
    }
}
