package io.jmultipath.daemon.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI socket lives. A name starting with {@code @} is an abstract socket, anything else
 * a pathname. Like multipathd 0.12+: both defaults unless {@code --socket} or the
 * {@code MULTIPATH_SOCKET_NAME} environment variable names a single socket.
 */
public final class SocketNames {
    public static final String DEFAULT_ABSTRACT = "@/org/kernel/linux/storage/multipathd";
    public static final String DEFAULT_PATHNAME = "/run/multipathd.socket";
    public static final String ENV = "MULTIPATH_SOCKET_NAME";

    private SocketNames() {
    }

    /** Server side: the sockets to listen on (pathname first, then abstract). */
    public static List<String> listen(Optional<String> option, Map<String, String> env) {
        Optional<String> one = option.or(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isEmpty()));
        return one.map(List::of).orElse(List.of(DEFAULT_PATHNAME, DEFAULT_ABSTRACT));
    }

    /** Client side: the sockets to try, in order (pathname first, then abstract). */
    public static List<String> connect(Optional<String> option, Map<String, String> env) {
        return listen(option, env);
    }

    public static boolean isAbstract(String name) {
        return name.startsWith("@");
    }
}
