package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.client.ClientMain;
import io.jmultipath.daemon.runtime.DaemonLauncher;
import io.jmultipath.daemon.runtime.DaemonOptions;
import io.jmultipath.daemon.server.CliServer;
import io.jmultipath.daemon.server.SocketNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code jmultipathd}: the daemon, or (with {@code -k} or command words) its client. Logging is
 * configured from the options BEFORE the first logger exists, so no static logger here.
 */
public final class DaemonMain {
    private DaemonMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    public static int run(List<String> args) {
        DaemonOptions o;
        try {
            o = DaemonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jmultipathd: " + e.getMessage());
            System.err.print(DaemonOptions.USAGE);
            return 1;
        }
        if (o.help()) {
            System.out.print(DaemonOptions.USAGE);
            return 0;
        }
        if (o.clientMode()) {
            System.setProperty("jm.log.level", "warn");
            ClientMain c = new ClientMain(SocketNames.connect(o.socket(), System.getenv()),
                    CliServer.DEFAULT_TIMEOUT.plusMillis(100), System.out, System.err);
            if (o.interactive().isPresent() && o.interactive().get().isEmpty() && o.words().isEmpty()) {
                if (System.console() != null) {
                    return c.interactiveTerminal(System.in);
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return c.interactive(in, false);
            }
            String cmd = o.interactive().filter(s -> !s.isEmpty()).orElse(String.join(" ", o.words()));
            return c.oneShot(cmd);
        }
        System.setProperty("jm.log.level", o.logLevel());
        System.setProperty("jm.log.pattern", o.noTimestamps() ? "%m%n" : "%d{MMM dd HH:mm:ss} | %m%n");
        return DaemonLauncher.run(o);
    }
}
