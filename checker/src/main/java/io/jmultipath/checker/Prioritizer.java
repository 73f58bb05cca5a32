package io.jmultipath.checker;

/** A path prioritizer; returns the priority or -1 (PRIO_UNDEF) when undefined. */
public interface Prioritizer {
    int PRIO_UNDEF = -1;

    String name();

    int priority(PathHandle p, String args);

    /**
     * Variant that also receives identity facts some prioritizers need (weightedpath).
     * The default ignores them.
     */
    default int priority(PathHandle p, String args, PrioPathInfo info) {
        return priority(p, args);
    }
}
