package io.jmultipath.daemon.maps;

import io.jmultipath.daemon.names.BindingsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names maps like multipath-tools: the multipaths-section alias; else with user_friendly_names the
 * bindings file (lowest free id, skipping names other dm devices hold); else the WWID.
 * Collects the bindings file warnings (corrupt lines) once for the caller to print.
 */
public final class BindingsNamer implements Namer {

    private static final Logger LOG = LoggerFactory.getLogger(BindingsNamer.class);

    private final BindingsFile bindings;
    private final KernelMaps kernel;
    private final boolean readOnly;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> assigned = new LinkedHashSet<>();
    private final List<BindingsFile.Binding> pending = new ArrayList<>();
    private BindingsFile.Parsed parsed;

    public BindingsNamer(BindingsFile bindings, KernelMaps kernel, boolean readOnly) {
        this(bindings, kernel, readOnly, true);
    }

    /**
     * @param readOnly    compute names without writing the bindings file (dry run)
     * @param allocate    false for {@code multipath -B} (read-only bindings file): WWIDs without a
     *                    binding are named by their WWID, as get_user_friendly_alias allocates nothing
     */
    public BindingsNamer(BindingsFile bindings, KernelMaps kernel, boolean readOnly, boolean allocate) {
        this.bindings = bindings;
        this.kernel = kernel;
        this.readOnly = readOnly;
        this.allocate = allocate;
    }

    private final boolean allocate;

    /** WWID → alias of the bindings file, built once. */
    private java.util.Map<String, String> byWwid;
    /** Per alias prefix: ids bound in the file or assigned in this run. */
    private final java.util.Map<String, java.util.BitSet> usedIds = new java.util.HashMap<>();
    /** Per alias prefix: ids whose names device-mapper devices hold → the holder's WWID ("" if not multipath). */
    private final java.util.Map<String, java.util.Map<Integer, String>> kernelIds = new java.util.HashMap<>();

    @Override
    public String nameFor(String wwid, MapSettings s) {
        if (s.alias().isPresent()) {
            return s.alias().get();
        }
        if (!s.userFriendlyNames()) {
            return wwid;
        }
        try {
            if (parsed == null) {
                parsed = bindings.read();
                warnings.addAll(parsed.warnings());
                byWwid = new java.util.HashMap<>();
                for (BindingsFile.Binding b : parsed.bindings()) {
                    byWwid.putIfAbsent(b.wwid(), b.alias());
                }
            }
            String known = byWwid.get(wwid);
            if (known != null) {
                assign(known);
                return known;
            }
            if (!allocate) {
                return wwid;
            }
            String prefix = s.aliasPrefix();
            java.util.BitSet used = used(prefix);
            java.util.Map<Integer, String> held = held(prefix);
            int id = used.nextClearBit(1);
            while (held.containsKey(id) && !held.get(id).equals(wwid)) {
                id = used.nextClearBit(id + 1);
            }
            if (id <= 0) {
                throw new IOException("no more available user_friendly_names");
            }
            String alias = io.jmultipath.daemon.names.FriendlyNames.format(prefix, id);
            assign(alias);
            pending.add(new BindingsFile.Binding(alias, wwid, 0));
            return alias;
        } catch (IOException e) {
            String w = wwid + ": cannot read the bindings file (" + e.getMessage() + "), using the WWID";
            LOG.warn("{}", w);
            warnings.add(w);
            return wwid;
        }
    }

    /**
     * The lowest free id (BindingsFile.lowestFreeId semantics, incrementally): neither bound in the
     * file, nor assigned in this run, nor the name of another device-mapper device.
     */
    private java.util.BitSet used(String prefix) {
        return usedIds.computeIfAbsent(prefix, pf -> {
            java.util.BitSet b = new java.util.BitSet();
            for (BindingsFile.Binding x : parsed.bindings()) {
                io.jmultipath.daemon.names.FriendlyNames.scan(pf, x.alias()).ifPresent(b::set);
            }
            for (String a : assigned) {
                io.jmultipath.daemon.names.FriendlyNames.scan(pf, a).ifPresent(b::set);
            }
            return b;
        });
    }

    private java.util.Map<Integer, String> held(String prefix) {
        return kernelIds.computeIfAbsent(prefix, pf -> {
            java.util.Map<Integer, String> m = new java.util.HashMap<>();
            for (String n : kernel.otherNames()) {
                io.jmultipath.daemon.names.FriendlyNames.scan(pf, n).ifPresent(i -> m.put(i, ""));
            }
            for (KernelMap k : kernel.maps()) {
                io.jmultipath.daemon.names.FriendlyNames.scan(pf, k.name()).ifPresent(i -> m.put(i, k.wwid()));
            }
            return m;
        });
    }

    private void assign(String alias) {
        if (assigned.add(alias)) {
            for (java.util.Map.Entry<String, java.util.BitSet> e : usedIds.entrySet()) {
                io.jmultipath.daemon.names.FriendlyNames.scan(e.getKey(), alias).ifPresent(e.getValue()::set);
            }
        }
    }

    /**
     * Persists the bindings allocated by this namer (one atomic write under the lock), unless read-only.
     * Returns the WWIDs whose binding could not be stored (bound meanwhile by someone else).
     */
    public List<String> flush() {
        if (readOnly || pending.isEmpty()) {
            return List.of();
        }
        try {
            List<BindingsFile.Binding> conflicts = bindings.appendAll(pending);
            pending.clear();
            for (BindingsFile.Binding b : conflicts) {
                warnings.add(b.alias() + " " + b.wwid() + ": bound concurrently by another process; not stored");
            }
            return conflicts.stream().map(BindingsFile.Binding::wwid).toList();
        } catch (IOException e) {
            warnings.add("cannot write the bindings file: " + e.getMessage());
            return List.of();
        }
    }

    /** Warnings met while reading the bindings file (each once). */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }
}
