package io.jmultipath.daemon.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the daemon's metrics where {@link MetricsOptions} asks: the HTTP listener renders on
 * each scrape, the textfile is rewritten every {@code every}. Closing stops both and removes the
 * file, so a stopped daemon leaves no stale figures behind.
 */
public final class MetricsPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("jmultipathd");

    private final Optional<MetricsHttpServer> http;
    private final Optional<MetricsFile> file;
    private final Optional<ScheduledExecutorService> timer;
    private volatile String lastError = "";

    private MetricsPublisher(Optional<MetricsHttpServer> http, Optional<MetricsFile> file,
                             Optional<ScheduledExecutorService> timer) {
        this.http = http;
        this.file = file;
        this.timer = timer;
    }

    public static MetricsPublisher start(MetricsOptions o, Supplier<MetricsView> view, Duration every) throws IOException {
        Supplier<String> text = () -> Exposition.render(view.get());
        Optional<MetricsHttpServer> http = o.listen().isPresent()
                ? Optional.of(MetricsHttpServer.start(o.listen().get(), text)) : Optional.empty();
        Optional<MetricsFile> file = o.file().map(MetricsFile::new);
        Optional<ScheduledExecutorService> timer = file.map(f -> Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-file");
            t.setDaemon(true);
            return t;
        }));
        MetricsPublisher p = new MetricsPublisher(http, file, timer);
        file.ifPresent(f -> p.writeFile(text));   // there as soon as the daemon is up, then every interval
        timer.ifPresent(t -> t.scheduleWithFixedDelay(() -> p.writeFile(text), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS));
        file.ifPresent(f -> LOG.info("metrics: writing {} every {} s", f.target(), every.toSeconds()));
        return p;
    }

    /** The HTTP listener's address, if one runs. */
    public Optional<java.net.InetSocketAddress> httpAddress() {
        return http.map(MetricsHttpServer::address);
    }

    private void writeFile(Supplier<String> text) {
        MetricsFile f = file.orElseThrow();
        try {
            f.write(text.get());
            lastError = "";
        } catch (IOException | RuntimeException e) {
            String msg = f.target() + ": " + e.getMessage();
            if (!msg.equals(lastError)) {   // once per distinct failure, not every few seconds
                LOG.warn("metrics: cannot write {}", msg);
                lastError = msg;
            }
        }
    }

    @Override
    public void close() {
        timer.ifPresent(t -> {
            t.shutdownNow();
            try {
                t.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        file.ifPresent(f -> {
            try {
                java.nio.file.Files.deleteIfExists(f.target());
            } catch (IOException e) {
                LOG.debug("metrics: {}: {}", f.target(), e.getMessage());
            }
        });
        http.ifPresent(MetricsHttpServer::close);
    }
}
