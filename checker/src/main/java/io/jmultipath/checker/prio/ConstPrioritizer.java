package io.jmultipath.checker.prio;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;

/** const: always 1. */
public final class ConstPrioritizer implements Prioritizer {
    @Override
    public String name() {
        return "const";
    }

    @Override
    public int priority(PathHandle p, String args) {
        return 1;
    }
}
