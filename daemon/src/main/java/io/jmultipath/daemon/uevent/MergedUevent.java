package io.jmultipath.daemon.uevent;

import java.util.List;

/** An event to service plus the earlier same-action same-WWID events folded into it. */
public record MergedUevent(Uevent event, List<Uevent> merged) {
    public MergedUevent {
        merged = List.copyOf(merged);
    }

    /** Every event this stands for, earlier ones first. */
    public List<Uevent> all() {
        java.util.ArrayList<Uevent> out = new java.util.ArrayList<>(merged);
        out.add(event);
        return out;
    }
}
