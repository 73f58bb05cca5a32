package io.jmultipath.daemon.topology;

import java.util.List;
import java.util.Optional;

/**
 * Immutable snapshot of everything known: the maps (in creation/kernel order) and all paths
 * (in discovery order, orphans included). CLI readers and formatters work on a snapshot, so a
 * hung device never stalls {@code show}.
 */
public record Topology(List<MultipathMap> maps, List<Path> paths) {

    public static final Topology EMPTY = new Topology(List.of(), List.of());

    public Topology {
        maps = List.copyOf(maps);
        paths = List.copyOf(paths);
    }

    public Optional<MultipathMap> map(String nameOrWwid) {
        return maps.stream().filter(m -> m.name().equals(nameOrWwid) || m.wwid().equals(nameOrWwid)).findFirst();
    }

    public Optional<Path> path(String dev) {
        return paths.stream().filter(p -> p.dev().equals(dev) || p.devT().equals(dev)).findFirst();
    }
}
