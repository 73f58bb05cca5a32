package io.jmultipath.selector;

import java.util.List;

/** Factory for the kernel path selector models, by table name. */
public final class PathSelectors {

    private PathSelectors() {
    }

    /** Creates a selector instance; IllegalArgumentException for unknown names or bad selector args. */
    public static PathSelector create(SelectorSpec s) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The selector names, in kernel registration-independent alphabetical order. */
    public static List<String> names() {
        return List.of("historical-service-time", "queue-length", "round-robin", "service-time");
    }
}
