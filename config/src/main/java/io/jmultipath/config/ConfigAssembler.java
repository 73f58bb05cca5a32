package io.jmultipath.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an immutable {@link Config} the way libmultipath's {@code _init_config} does: built-in
 * hwtable, then each file (factorizing identical device sections after each), then defaults for the
 * voids, default blacklists, multipaths/protocol merging.
 */
final class ConfigAssembler {
    static final String DEFAULT_DEVNODE = "!^(sd[a-z]|dasd[a-z]|nvme[0-9])";
    static final String DEFAULT_PROPERTY_EXCEPTION = "(SCSI_IDENT_|ID_WWN)";

    private final RawConfig raw = new RawConfig();
    private final Set<Section> builtin = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private final Set<String> deprecatedWarned = new java.util.HashSet<>();

    ConfigAssembler(String builtinHwtable) {
        RawConfig b = new RawConfig();
        try {
            new ConfigParser(b, "builtin", new ArrayList<>(), new java.util.HashSet<>()).parse(builtinHwtable);
        } catch (ConfigException e) {
            throw new IllegalStateException("built-in hardware table is broken: " + e.getMessage(), e);
        }
        raw.hwtable.addAll(b.hwtable);
        builtin.addAll(b.hwtable);
    }

    List<ConfigWarning> warnings() {
        return warnings;
    }

    /** Parses one file (main file or a conf.d drop-in) into the config. */
    void addFile(String fileName, String text) throws ConfigException {
        int n = raw.hwtable.size();
        int pc = raw.protocols.size();
        new ConfigParser(raw, fileName, warnings, deprecatedWarned).parse(text);
        factorize(n, fileName);
        for (int i = raw.protocols.size() - 1; i >= pc; i--) {
            if (raw.protocols.get(i).get("type") == null) {
                warn(raw.protocols.get(i), "protocol section in " + fileName + " missing type");
                raw.protocols.remove(i);
            }
        }
    }

    private void warn(Section s, String msg) {
        warnings.add(new ConfigWarning(s.file, s.line, msg));
    }

    /** factorize_hwtable(hw, n): drop incomplete user entries, merge identical-string entries. */
    private void factorize(int n, String file) {
        List<Section> hw = raw.hwtable;
        boolean again = true;
        while (again) {
            again = false;
            outer:
            for (int i = 0; i < hw.size(); i++) {
                Section h1 = hw.get(i);
                if (i >= n && (h1.get("vendor") == null || h1.get("product") == null)) {
                    warn(h1, "device config in " + file + " missing vendor or product parameter");
                    hw.remove(i--);
                    continue;
                }
                for (int j = Math.max(n, i + 1); j < hw.size(); j++) {
                    Section h2 = hw.get(j);
                    if (sameStrings(h1, h2)) {
                        if (i >= n) {
                            String rev = h1.get("revision") == null ? "(null)" : h1.get("revision");
                            warn(h2, "duplicate device section for " + h1.get("vendor") + ":" + h1.get("product")
                                    + ":" + rev + " in " + file);
                        }
                        hw.remove(i);
                        merge(h2, h1);
                        Features.reconcile(h2.values);
                        if (i < n) {
                            n--;
                        }
                        again = true;
                        break outer;
                    }
                }
            }
        }
    }

    private static boolean sameStrings(Section a, Section b) {
        return Objects.equals(a.get("vendor"), b.get("vendor")) && Objects.equals(a.get("product"), b.get("product"))
                && Objects.equals(a.get("revision"), b.get("revision"));
    }

    /** merge_hwe / merge_mpe / merge_pce: fill dst's unset fields from src. */
    static void merge(Section dst, Section src) {
        src.values.forEach((k, v) -> {
            if (!dst.values.containsKey(k) && !v.isEmpty()) {
                dst.values.put(k, v);
            }
        });
    }

    private static final List<String> ATTRS = List.of("mode", "uid", "gid");
    /** Prefix of the kept mode/uid/gid numbers of an entry whose attribute_flags bit is not set. */
    private static final String HIDDEN = "~";

    /**
     * merge_mpe for mode/uid/gid: attribute_flags is merged as one word (taken from src only when
     * dst has no bit set), while the three numbers are merged one by one with 0 meaning unset
     * (merge_num); a number is printed and used only when its flag bit is set. So "mode 0" in the
     * newer section takes the older section's mode, and numbers of unflagged entries are carried.
     */
    private static void mergeMultipath(Section dst, Section src) {
        boolean dstFlags = ATTRS.stream().anyMatch(dst.values::containsKey);
        Section flagsFrom = dstFlags ? dst : src;
        Map<String, Long> merged = new LinkedHashMap<>();
        List<String> flagged = new ArrayList<>();
        for (String a : ATTRS) {
            long d = attr(dst, a);
            merged.put(a, d != 0 ? d : attr(src, a));
            if (flagsFrom.values.containsKey(a)) {
                flagged.add(a);
            }
        }
        Section s = src.copy();
        for (String a : ATTRS) {
            s.values.remove(a);
            s.values.remove(HIDDEN + a);
            dst.values.remove(a);
            dst.values.remove(HIDDEN + a);
        }
        merge(dst, s);
        merged.forEach((a, v) -> {
            String octal = "0" + Long.toOctalString(v);
            if (flagged.contains(a)) {
                dst.values.put(a, octal);
            } else if (v != 0) {
                dst.values.put(HIDDEN + a, octal);
            }
        });
    }

    private static long attr(Section s, String a) {
        String v = s.values.containsKey(a) ? s.values.get(a) : s.values.get(HIDDEN + a);
        return v == null ? 0 : Long.parseLong(v, 8);
    }

    Config build() {
        Map<String, String> defaults = new LinkedHashMap<>(raw.defaults.values);
        pollingIntervals(defaults);
        List<HwEntry> hw = new ArrayList<>();
        for (Section s : raw.hwtable) {
            hw.add(new HwEntry(s.values, builtin.contains(s)));
        }
        Blacklist bl = BlacklistBuilder.build(raw, hw);
        return new Config(defaults, hw, raw.overrides == null ? null : raw.overrides.values,
                mergedProtocols(), mergedMultipaths(), bl);
    }

    private static void pollingIntervals(Map<String, String> d) {
        Long checkint = d.containsKey("polling_interval") ? Long.parseLong(d.get("polling_interval")) : null;
        Long max = d.containsKey("max_polling_interval") ? Long.parseLong(d.get("max_polling_interval")) : null;
        if (checkint != null && checkint == Values.UINT_MAX) {
            checkint = Values.UINT_MAX - 1;
        }
        if (max == null) {
            long c = checkint == null ? 5 : checkint;
            checkint = c;
            max = c < Values.UINT_MAX / 4 ? c * 4 : Values.UINT_MAX;
        } else if (checkint == null) {
            checkint = max >= 4 ? max / 4 : 1;
        } else if (checkint > max) {
            checkint = max;
        }
        d.put("polling_interval", Long.toString(checkint));
        d.put("max_polling_interval", Long.toString(max));
    }

    private List<Map<String, String>> mergedProtocols() {
        List<Section> pcs = new ArrayList<>(raw.protocols);
        for (int i = 0; i < pcs.size(); i++) {
            for (int j = i + 1; j < pcs.size(); j++) {
                if (pcs.get(i).get("type").equals(pcs.get(j).get("type"))) {
                    merge(pcs.get(j), pcs.get(i));
                    pcs.remove(i--);
                    break;
                }
            }
        }
        return pcs.stream().map(s -> Map.copyOf(s.values)).toList();
    }

    private List<MultipathEntry> mergedMultipaths() {
        List<Section> mps = new ArrayList<>();
        for (Section s : raw.multipaths) {
            if (s.get("wwid") == null) {
                warn(s, "multipaths config section missing wwid");
            } else {
                mps.add(s);
            }
        }
        mps.sort((a, b) -> compareBytes(a.get("wwid"), b.get("wwid")));
        for (int i = 0; i + 1 < mps.size(); i++) {
            if (mps.get(i).get("wwid").equals(mps.get(i + 1).get("wwid"))) {
                warn(mps.get(i + 1), "duplicate multipath config section for " + mps.get(i).get("wwid"));
                mergeMultipath(mps.get(i + 1), mps.get(i));
                mps.remove(i--);
            }
        }
        return mps.stream().map(s -> {
            Map<String, String> v = new LinkedHashMap<>(s.values);
            v.keySet().removeIf(k -> k.startsWith(HIDDEN));
            return new MultipathEntry(s.get("wwid"), v);
        }).toList();
    }

    /** strcmp order (unsigned bytes of UTF-8). */
    static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
