package io.jmultipath.daemon.metrics;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where jmultipathd publishes its metrics: an HTTP listener serving {@code GET /metrics}
 * ({@code --metrics HOST:PORT}) and/or a file rewritten atomically every few seconds for
 * node_exporter's textfile collector ({@code --metrics-file FILE}). Both off by default.
 */
public record MetricsOptions(Optional<InetSocketAddress> listen, Optional<Path> file) {
    public static final MetricsOptions NONE = new MetricsOptions(Optional.empty(), Optional.empty());

    /**
     * "HOST:PORT", "[v6]:PORT" or ":PORT" (all addresses); a bad value is an
     * IllegalArgumentException with a one-line message.
     */
    public static InetSocketAddress parseListen(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--metrics: expected HOST:PORT, got '" + spec + "'");
        }
        String host = spec.substring(0, colon);
        String port = spec.substring(colon + 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--metrics: port is not a number: '" + port + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("--metrics: port out of range (0-65535): " + p);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(p) : InetSocketAddress.createUnresolved(host, p);
    }

    public boolean any() {
        return listen.isPresent() || file.isPresent();
    }
}
