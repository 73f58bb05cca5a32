package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.server.SocketNames;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * multipath(8)'s check_daemon: is a multipathd (or jmultipathd) answering on its socket? Asks
 * "show daemon"; a daemon shutting down counts as not running. The sockets: MULTIPATH_SOCKET_NAME
 * if set; on the real machine the default pathname and abstract sockets; below a simulated host
 * root only that root's /run/multipathd.socket (a daemon of the real machine does not manage it).
 */
final class DaemonCheck {

    private DaemonCheck() {
    }

    static List<String> sockets(HostRoot root, Map<String, String> env) {
        String one = env.get(SocketNames.ENV);
        if (one != null && !one.isEmpty()) {
            return List.of(one);
        }
        if (root.isSystem()) {
            return SocketNames.connect(java.util.Optional.empty(), Map.of());
        }
        return List.of(root.resolve(SocketNames.DEFAULT_PATHNAME).toString());
    }

    static boolean running(HostRoot root, Map<String, String> env) {
        for (String name : sockets(root, env)) {
            if (!SocketNames.isAbstract(name) && !java.nio.file.Files.exists(java.nio.file.Path.of(name))) {
                continue;
            }
            try (CliClient c = CliClient.connect(List.of(name))) {
                String reply = c.execute("show daemon", Duration.ofMillis(4000));
                return !reply.contains("shutdown");
            } catch (java.io.IOException | RuntimeException e) {
                // not there: try the next one
            }
        }
        return false;
    }
}
