package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.metrics.Exposition;
import io.jmultipath.daemon.metrics.MetricsOptions;
import io.jmultipath.daemon.metrics.MetricsPublisher;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's metrics: what they say about a simulated SAN, and how they are published. */
class MetricsTest {
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})? -?[0-9]+(\\.[0-9]+)?$");

    @Test
    void theFiguresFollowTheTopologyAndThePathChecks(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        h.advance(Duration.ofSeconds(12));
        String name = h.map().name();
        String dev = h.map().groups().get(0).paths().get(0).dev();
        String text = Exposition.render(h.engine.metricsView());
        assertWellFormed(text);
        assertTrue(text.contains("\njmultipath_maps 2\n"), text);
        assertTrue(text.contains("\njmultipath_paths{state=\"up\"} 4\n"), text);
        assertTrue(text.contains("\njmultipath_map_paths{map=\"" + name + "\"} 2\n"), text);
        assertTrue(text.contains("\njmultipath_map_active_paths{map=\"" + name + "\"} 2\n"), text);
        assertTrue(text.contains("\njmultipath_map_queueing{map=\"" + name + "\"} 1\n"), "no_path_retry 3 queues");
        assertTrue(text.contains("\njmultipath_path_up{map=\"" + name + "\",path=\"" + dev + "\"} 1\n"), text);
        assertTrue(text.contains("\njmultipath_path_dm_active{map=\"" + name + "\",path=\"" + dev + "\"} 1\n"), text);
        assertTrue(text.contains("\njmultipath_up{state=\"idle\"} 1\n"), text);
        assertTrue(text.contains("jmultipath_path_info{map=\"" + name + "\",path=\"" + dev + "\",dev_t=\""), text);
        long checks = value(text, "jmultipath_path_checks_total{map=\"" + name + "\",path=\"" + dev + "\"}");
        assertTrue(checks >= 2, "checked at least twice in 12 s: " + checks);

        h.verdicts.put(dev, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, dev), h.engine.maxPollingInterval() + 1);
        h.engine.publishIfDirty();
        text = Exposition.render(h.engine.metricsView());
        assertTrue(text.contains("\njmultipath_path_up{map=\"" + name + "\",path=\"" + dev + "\"} 0\n"), text);
        assertTrue(text.contains("\njmultipath_path_state{map=\"" + name + "\",path=\"" + dev + "\",state=\"down\"} 1\n"), text);
        assertTrue(text.contains("\njmultipath_path_dm_active{map=\"" + name + "\",path=\"" + dev + "\"} 0\n"), text);
        assertTrue(text.contains("\njmultipath_map_path_faults_total{map=\"" + name + "\"} 1\n"), text);
        assertTrue(text.contains("\njmultipath_paths{state=\"down\"} 1\n"), text);
        assertTrue(value(text, "jmultipath_path_checks_total{map=\"" + name + "\",path=\"" + dev + "\"}") > checks);
    }

    @Test
    void httpServesMetricsAndTheFileIsRewrittenThenRemoved(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        Path file = tmp.resolve("textfile/jmultipath.prom");
        Files.createDirectories(file.getParent());
        MetricsOptions o = new MetricsOptions(Optional.of(new InetSocketAddress("127.0.0.1", 0)), Optional.of(file));
        try (MetricsPublisher p = MetricsPublisher.start(o, h.engine::metricsView, Duration.ofSeconds(5))) {
            int port = p.httpAddress().orElseThrow().getPort();
            String r = http(port, "GET /metrics HTTP/1.1\r\nHost: x\r\nUser-Agent: Prometheus/2\r\n\r\n");
            assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
            assertTrue(r.contains("Content-Type: " + Exposition.CONTENT_TYPE + "\r\n"), r);
            String body = r.substring(r.indexOf("\r\n\r\n") + 4);
            assertTrue(r.contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"), r);
            assertTrue(body.contains("jmultipath_maps 1\n"), body);
            assertWellFormed(body);

            String headOnly = http(port, "HEAD /metrics HTTP/1.0\r\n\r\n");
            assertTrue(headOnly.startsWith("HTTP/1.1 200 OK") && headOnly.endsWith("\r\n\r\n"), headOnly);
            assertTrue(http(port, "GET /nothing HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404 "));
            String post = http(port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
            assertTrue(post.startsWith("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD"), post);
            assertTrue(http(port, "hello\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(http(port, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 431 "));

            assertTrue(Files.readString(file).contains("jmultipath_maps 1\n"), "written when publishing starts");
            try (var s = Files.list(file.getParent())) {
                assertEquals(1, s.filter(f -> f.getFileName().toString().endsWith(".prom")).count(), "no temp *.prom left");
            }
        }
        assertFalse(Files.exists(file), "a stopped daemon leaves no stale metrics");
    }

    @Test
    void aBusyPortIsAOneLineError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            MetricsOptions o = new MetricsOptions(Optional.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort())),
                    Optional.empty());
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> MetricsPublisher.start(o, () -> null, Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("metrics: 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void optionsParseAndRefuseBadAddresses() {
        DaemonOptions o = DaemonOptions.parse(java.util.List.of("-d", "--metrics", ":9400", "--metrics-file", "/tmp/x.prom"));
        assertEquals(9400, o.metrics().listen().orElseThrow().getPort());
        assertEquals(Path.of("/tmp/x.prom"), o.metrics().file().orElseThrow());
        assertEquals("localhost", DaemonOptions.parse(java.util.List.of("--metrics=localhost:9")).metrics().listen()
                .orElseThrow().getHostString());
        assertEquals("::1", DaemonOptions.parse(java.util.List.of("--metrics", "[::1]:9")).metrics().listen()
                .orElseThrow().getHostString());
        assertFalse(DaemonOptions.parse(java.util.List.of("-d")).metrics().any());
        assertEquals("--metrics: expected HOST:PORT, got '9400'", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(java.util.List.of("--metrics", "9400"))).getMessage());
        assertEquals("--metrics: port out of range (0-65535): 70000", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(java.util.List.of("--metrics", ":70000"))).getMessage());
        assertEquals("--metrics: port is not a number: 'x'", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(java.util.List.of("--metrics", "h:x"))).getMessage());
    }

    /** Every family has HELP and TYPE before its samples; every sample line is name{labels} value. */
    static void assertWellFormed(String text) {
        Set<String> typed = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] w = line.split(" ");
                assertTrue(Set.of("gauge", "counter").contains(w[3]), line);
                assertTrue(typed.add(w[2]), "one TYPE per family: " + line);
                continue;
            }
            var m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            assertTrue(typed.contains(m.group(1)), "sample before its TYPE: " + line);
        }
        assertTrue(text.endsWith("\n"));
    }

    private static long value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Long.parseLong(line.substring(series.length() + 1));
            }
        }
        throw new AssertionError(series + " not in\n" + text);
    }

    private static String http(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
