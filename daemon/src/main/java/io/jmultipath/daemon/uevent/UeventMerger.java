package io.jmultipath.daemon.uevent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Storm handling (multipathd uevent.c merge_uevq, in linear time):
 * <ol>
 * <li>filter: an event of a path is dropped if a later {@code remove} of the same kernel name
 *     follows, and an {@code add}/{@code change} is dropped if a later {@code add} follows;</li>
 * <li>merge: {@code add} (or {@code remove}) events of different paths with the same WWID are
 *     folded into one item; a dm event or the opposite action for that WWID ends the run.</li>
 * </ol>
 * dm-* events are never filtered or merged.
 */
public final class UeventMerger {
    private final Function<Uevent, Optional<String>> wwidOf;

    public UeventMerger(Function<Uevent, Optional<String>> wwidOf) {
        this.wwidOf = wwidOf;
    }

    /** Default WWID source: udev's ID_SERIAL / ID_WWN properties. */
    public static Optional<String> udevWwid(Uevent u) {
        return u.get("ID_SERIAL").or(() -> u.get("ID_WWN")).filter(s -> !s.isEmpty());
    }

    public List<MergedUevent> merge(List<Uevent> batch) {
        List<Uevent> kept = filter(batch);
        List<Group> groups = new ArrayList<>();
        Map<String, Group> open = new HashMap<>();
        for (Uevent u : kept) {
            if (u.isDm()) {
                open.clear();
                groups.add(new Group(u));
                continue;
            }
            Optional<String> w = wwidOf.apply(u);
            boolean mergeable = w.isPresent() && (u.action().equals("add") || u.action().equals("remove"));
            if (!mergeable) {
                groups.add(new Group(u));
                continue;
            }
            Group g = open.get(w.get());
            if (g != null && g.latest.action().equals(u.action())) {
                g.earlier.add(g.latest);
                g.latest = u;
            } else {
                Group ng = new Group(u);
                groups.add(ng);
                open.put(w.get(), ng);
            }
        }
        List<MergedUevent> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            out.add(new MergedUevent(g.latest, g.earlier));
        }
        return out;
    }

    /** Drops superseded path events (walks backwards remembering later actions per kernel name). */
    static List<Uevent> filter(List<Uevent> batch) {
        Set<String> laterRemove = new HashSet<>();
        Set<String> laterAdd = new HashSet<>();
        boolean[] drop = new boolean[batch.size()];
        for (int i = batch.size() - 1; i >= 0; i--) {
            Uevent u = batch.get(i);
            if (u.isDm()) {
                continue;
            }
            String k = u.kernel();
            if (laterRemove.contains(k)) {
                drop[i] = true;
            } else if (laterAdd.contains(k) && (u.action().equals("change") || u.action().equals("add"))) {
                drop[i] = true;
            }
            if (u.action().equals("remove")) {
                laterRemove.add(k);
            } else if (u.action().equals("add")) {
                laterAdd.add(k);
            }
        }
        List<Uevent> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!drop[i]) {
                out.add(batch.get(i));
            }
        }
        return out;
    }

    private static final class Group {
        Uevent latest;
        final List<Uevent> earlier = new ArrayList<>();

        Group(Uevent u) {
            latest = u;
        }
    }
}
