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
            Set<String> taken = new LinkedHashSet<>(kernel.namesTakenExcept(wwid));
            taken.addAll(assigned);
            BindingsFile.Allocation a = bindings.allocate(wwid, s.aliasPrefix(), taken, readOnly);
            warnings.addAll(a.warnings());
            assigned.add(a.alias());
            return a.alias();
        } catch (IOException e) {
            String w = wwid + ": cannot allocate a user friendly name (" + e.getMessage() + "), using the WWID";
            LOG.warn("{}", w);
            warnings.add(w);
            return wwid;
        }
    }

    /** Warnings met while reading the bindings file (each once). */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }
}
