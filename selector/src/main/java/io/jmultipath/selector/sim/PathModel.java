package io.jmultipath.selector.sim;

import java.util.OptionalLong;

/**
 * One simulated path: base latency plus an exponential tail of mean {@code jitterNs}, an
 * optional serial link of {@code bandwidth} bytes/s, {@code depth} I/Os served concurrently
 * (more wait in the device queue), optional failure and recovery times, and the
 * relative_throughput given to service-time.
 */
record PathModel(String name, long latencyNs, long writeLatencyNs, long jitterNs, OptionalLong bandwidth,
                 int depth, OptionalLong failAtNs, OptionalLong recoverAtNs, int weight) {

    static final String KEYS = "latency, wlatency, jitter, bandwidth, depth, fail, recover, weight";

    /** Parses {@code NAME[:KEY=VAL[,KEY=VAL...]]}. */
    static PathModel parse(String spec) throws UsageException {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_.:-]+")) {
            throw new UsageException("--path " + spec + ": invalid path name '" + name + "'");
        }
        long latency = 1_000_000;
        Long wlatency = null;
        Long jitter = null;
        OptionalLong bw = OptionalLong.empty();
        int depth = 32;
        OptionalLong fail = OptionalLong.empty();
        OptionalLong recover = OptionalLong.empty();
        int weight = 1;
        if (colon >= 0) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--path " + spec + ": expected KEY=VALUE, got '" + kv + "'");
                }
                String k = kv.substring(0, eq);
                String v = kv.substring(eq + 1);
                try {
                    switch (k) {
                        case "latency": latency = Units.duration(v); break;
                        case "wlatency": wlatency = Units.duration(v); break;
                        case "jitter": jitter = Units.duration(v); break;
                        case "bandwidth": bw = OptionalLong.of(Units.rate(v)); break;
                        case "depth": depth = (int) Units.parseLong("depth", v, 1, 65536); break;
                        case "fail": fail = OptionalLong.of(Units.duration(v)); break;
                        case "recover": recover = OptionalLong.of(Units.duration(v)); break;
                        case "weight": weight = (int) Units.parseLong("weight", v, 0, 100); break;
                        default:
                            throw new UsageException("unknown key '" + k + "' (keys: " + KEYS + ")");
                    }
                } catch (UsageException e) {
                    throw new UsageException("--path " + spec + ": " + e.getMessage());
                }
            }
        }
        if (recover.isPresent() && fail.isEmpty()) {
            throw new UsageException("--path " + spec + ": recover= needs fail=");
        }
        if (recover.isPresent() && recover.getAsLong() <= fail.getAsLong()) {
            throw new UsageException("--path " + spec + ": recover= must be later than fail=");
        }
        long j = jitter != null ? jitter : latency / 10;
        return new PathModel(name, latency, wlatency != null ? wlatency : latency, j, bw, depth, fail, recover, weight);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("latency ").append(Units.humanDuration(latencyNs));
        if (writeLatencyNs != latencyNs) {
            sb.append(" write ").append(Units.humanDuration(writeLatencyNs));
        }
        sb.append(" jitter ").append(Units.humanDuration(jitterNs)).append(" depth ").append(depth);
        sb.append(" bandwidth ").append(bandwidth.isPresent() ? Units.humanSize(bandwidth.getAsLong()) + "/s" : "unlimited");
        failAtNs.ifPresent(f -> sb.append(" fail@").append(Units.humanDuration(f)));
        recoverAtNs.ifPresent(r -> sb.append(" recover@").append(Units.humanDuration(r)));
        if (weight != 1) {
            sb.append(" weight ").append(weight);
        }
        return sb.toString();
    }
}
