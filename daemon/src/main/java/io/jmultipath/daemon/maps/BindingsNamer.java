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
        this.bindings = bindings;
        this.kernel = kernel;
        this.readOnly = readOnly;
    }

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
            }
            java.util.Optional<String> known = parsed.aliasOf(wwid);
            if (known.isPresent()) {
                assigned.add(known.get());
                return known.get();
            }
            Set<String> taken = new LinkedHashSet<>(kernel.namesTakenExcept(wwid));
            taken.addAll(assigned);
            String alias = io.jmultipath.daemon.names.FriendlyNames.format(s.aliasPrefix(),
                    BindingsFile.lowestFreeId(parsed, s.aliasPrefix(), taken));
            assigned.add(alias);
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
