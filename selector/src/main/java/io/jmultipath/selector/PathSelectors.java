package io.jmultipath.selector;

import java.util.List;
import java.util.function.LongSupplier;

/** Factory for the kernel path selector models, by table name. */
public final class PathSelectors {

    /** dm-mpath's limit on the number of selector args ({0, 1024}). */
    public static final int MAX_SELECTOR_ARGS = 1024;

    private static final List<String> NAMES =
            List.of("historical-service-time", "queue-length", "round-robin", "service-time");

    private PathSelectors() {
    }

    /** Creates a selector instance using {@link System#nanoTime()} where the kernel reads a clock. */
    public static PathSelector create(SelectorSpec s) {
        return create(s, System::nanoTime);
    }

    /**
     * Creates a selector instance; IllegalArgumentException with the kernel's ti->error text
     * ("unknown path selector type", "path selector constructor failed") on bad input.
     * {@code nanoClock} is read by historical-service-time's select_path (sched_clock()).
     */
    public static PathSelector create(SelectorSpec s, LongSupplier nanoClock) {
        if (s.args().size() > MAX_SELECTOR_ARGS) {
            throw new IllegalArgumentException("invalid number of path selector args");
        }
        switch (s.name()) {
            case "round-robin":
                return new RoundRobinSelector();
            case "queue-length":
                return new QueueLengthSelector();
            case "service-time":
                return new ServiceTimeSelector();
            case "historical-service-time":
                return new HistoricalServiceTimeSelector(s.args(), nanoClock);
            default:
                throw new IllegalArgumentException("unknown path selector type");
        }
    }

    /** The selector names this model knows (the upstream dm-ps-* modules except io-affinity). */
    public static List<String> names() {
        return NAMES;
    }
}
