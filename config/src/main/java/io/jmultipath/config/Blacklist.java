package io.jmultipath.config;

/** The blacklist engine (skeleton). */
public final class Blacklist {
    public Verdict check(PathFacts f) {
        throw new UnsupportedOperationException("not yet");
    }

    public Verdict checkDevnode(String devnode) {
        throw new UnsupportedOperationException("not yet");
    }

    public String report() {
        throw new UnsupportedOperationException("not yet");
    }
}
