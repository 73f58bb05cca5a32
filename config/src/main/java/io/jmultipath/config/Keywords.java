package io.jmultipath.config;

import static io.jmultipath.config.Values.INT_MAX;
import static io.jmultipath.config.Values.INT_MIN;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * THE keyword table of multipath.conf(5) as multipath-tools 0.9.4 installs it (libmultipath/dict.c).
 * One row per keyword: name, type, compiled default, scopes with print position.
 * Scope letters: D defaults, H devices/device, O overrides (device order), M multipaths/multipath,
 * P overrides/protocol. Blacklist sections have their own fixed grammar (see ConfigParser).
 */
final class Keywords {
    private static final ValueType INT_NZ = Values.integer(0, INT_MAX, true);
    private static final ValueType INT = Values.integer(0, INT_MAX, false);
    private static final ValueType STR = Values.string(false, false);
    private static final ValueType NOSLASH = Values.string(true, false);
    private static final ValueType PATH = Values.string(false, true);
    private static final ValueType YNU = Values.enumWords("yes", "yes", "1", "yes", "no", "no", "0", "no");
    private static final ValueType NU = Values.words(List.of("no", "no", "0", "no"), 1, INT_MAX, Set.of());
    private static final ValueType PGPOLICY = new PgPolicyType();
    private static final ValueType FAILBACK = Values.words(List.of("manual", "manual", "immediate", "immediate",
            "followover", "followover"), 0, INT_MAX, Set.of("0"));
    private static final ValueType NO_PATH_RETRY = Values.words(List.of("fail", "fail", "0", "fail",
            "queue", "queue"), 1, INT_MAX, Set.of());
    private static final ValueType PROTOCOL_TYPE = Values.enumWords(protocolAliases());

    private final List<Keyword> rows = new ArrayList<>();
    private final Map<String, Keyword> byName = new LinkedHashMap<>();

    private Keywords() {
        // ---- name ------------------------ type ---------------------- default ---------------- scopes
        row("verbosity", Values.integer(0, 4, false), "2", "D0");
        row("polling_interval", Values.unsigned(false), "5", "D1");
        row("max_polling_interval", Values.unsigned(true), null, "D2");
        row("reassign_maps", Values.YES_NO, "no", "D3");
        ignored("multipath_dir", "D4");
        row("path_selector", Values.argString(1), "service-time 0", "D5 H7 O M3");
        row("path_grouping_policy", PGPOLICY, "failover", "D6 H4 O M2");
        row("uid_attrs", new UidAttrsType(), null, "D7");
        row("uid_attribute", STR, "ID_SERIAL", "D8 H5 O");
        ignored("getuid_callout", "D9 H6 O");
        row("prio", STR, "const", "D10 H13 O M4");
        row("prio_args", STR, "", "D11 H14 O M5");
        row("features", Values.argString(0), "0", "D12 H11 O M13");
        row("path_checker", STR, "tur", "D13 H8 O");
        alias("checker", "path_checker", "D14 H9 O");
        row("alias_prefix", NOSLASH, "mpath", "D15 H10 O");
        row("failback", FAILBACK, "manual", "D16 H15 O M6");
        row("rr_min_io", INT_NZ, "1000", "D17 H18 O M9");
        row("rr_min_io_rq", INT_NZ, "1", "D18 H19 O M10");
        row("max_fds", new MaxFdsType(), "max", "D19");
        row("rr_weight", Values.enumWords("priorities", "priorities", "uniform", "uniform"), "uniform", "D20 H16 O M7");
        row("no_path_retry", NO_PATH_RETRY, null, "D21 H17 O M8");
        row("queue_without_daemon", Values.YES_NO, "no", "D22");
        row("checker_timeout", INT_NZ, null, "D23");
        row("allow_usb_devices", Values.YES_NO, "no", "D24");
        ignored("pg_timeout", "D25 H20 M11");
        row("flush_on_last_del", YNU, "no", "D26 H21 O M12");
        row("user_friendly_names", YNU, "no", "D27 H25 O M18");
        row("mode", Values.octal(0777), null, "D28 M14");
        row("uid", Values.octal(Values.UINT_MAX), null, "D29 M15");
        row("gid", Values.octal(Values.UINT_MAX), null, "D30 M16");
        row("fast_io_fail_tmo", Values.UNDEF_OFF_ZERO, "5", "D31 H22 O P1");
        row("dev_loss_tmo", Values.DEV_LOSS, null, "D32 H23 O P2");
        row("eh_deadline", Values.UNDEF_OFF_ZERO, null, "D33 H24 O P3");
        warned("bindings_file", PATH, "/etc/multipath/bindings", "D34");
        warned("wwids_file", PATH, "/etc/multipath/wwids", "D35");
        warned("prkeys_file", PATH, "/etc/multipath/prkeys", "D36");
        row("log_checker_err", Values.enumWords("once", "once", "always", "always"), "always", "D37");
        row("reservation_key", Values.PRKEY, null, "D38 M17");
        row("all_tg_pt", YNU, "no", "D39 H42 O");
        row("retain_attached_hw_handler", YNU, "yes", "D40 H26 O");
        row("detect_prio", YNU, "yes", "D41 H27 O");
        row("detect_checker", YNU, "yes", "D42 H28 O");
        row("force_sync", Values.YES_NO, "no", "D43");
        row("strict_timing", Values.YES_NO, "no", "D44");
        row("deferred_remove", YNU, "no", "D45 H29 O M19");
        row("partition_delimiter", NOSLASH, null, "D46");
        ignored("config_dir", "D47");
        noted("delay_watch_checks", NU, "no", "D48 H30 O M20");
        noted("delay_wait_checks", NU, "no", "D49 H31 O M21");
        row("san_path_err_threshold", NU, "no", "D50 H32 O M22");
        row("san_path_err_forget_rate", NU, "no", "D51 H33 O M23");
        row("san_path_err_recovery_time", NU, "no", "D52 H34 O M24");
        row("marginal_path_err_sample_time", NU, "no", "D53 H35 O M25");
        row("marginal_path_err_rate_threshold", NU, "no", "D54 H36 O M26");
        row("marginal_path_err_recheck_gap_time", NU, "no", "D55 H37 O M27");
        row("marginal_path_double_failed_time", NU, "no", "D56 H38 O M28");
        row("find_multipaths", Values.enumWords("off", "off", "on", "on", "strict", "strict", "greedy", "greedy",
                "smart", "smart", "no", "off", "0", "off", "yes", "on", "1", "on"), "strict", "D57");
        row("uxsock_timeout", Values.integer(4000, INT_MAX, false), "4000", "D58");
        row("retrigger_tries", INT, "3", "D59");
        row("retrigger_delay", INT, "10", "D60");
        row("missing_uev_wait_timeout", INT, "30", "D61");
        row("skip_kpartx", YNU, "no", "D62 H39 O M29");
        noted("disable_changed_wwids", Values.IGNORED, "ignored", "D63");
        row("remove_retries", INT, "0", "D64");
        row("max_sectors_kb", INT_NZ, null, "D65 H40 O M30");
        row("ghost_delay", NU, "no", "D66 H41 O M31");
        row("find_multipaths_timeout", Values.integer(INT_MIN, INT_MAX, true), "-10", "D67");
        row("enable_foreign", STR, "NONE", "D68");
        row("marginal_pathgroups", new NoFpin(Values.enumWords("off", "off", "on", "on", "no", "off", "0", "off",
                "yes", "on", "1", "on")), "off", "D69");
        row("recheck_wwid", YNU, "no", "D70 H43 O");
        // device identity and device-only keywords
        row("vendor", STR, null, "H0");
        row("product", STR, null, "H1");
        row("revision", STR, null, "H2");
        row("product_blacklist", STR, null, "H3");
        row("hardware_handler", Values.argString(0), "0", "H12");
        row("vpd_vendor", Values.enumWords("hp3par", "hp3par"), null, "H43");
        // multipath-only
        row("wwid", STR, null, "M0");
        row("alias", NOSLASH, null, "M1");
        // overrides { protocol { ... } }
        row("type", PROTOCOL_TYPE, null, "P0");
        fixRecheckWwid();
    }

    /** The one shared, immutable table. */
    static Keywords table() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final Keywords TABLE = new Keywords();
    }

    Optional<Keyword> find(String name, Scope scope) {
        Keyword k = byName.get(name);
        return k != null && k.in(scope) ? Optional.of(k) : Optional.empty();
    }

    Optional<Keyword> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Printable keywords of a scope in print order. */
    List<Keyword> printOrder(Scope scope) {
        return rows.stream().filter(k -> k.in(scope) && k.printed())
                .sorted(Comparator.comparingInt(k -> k.positions().get(scope))).toList();
    }

    List<Keyword> all() {
        return List.copyOf(rows);
    }

    private void row(String name, ValueType t, String def, String scopes) {
        add(new Keyword(name, t, Optional.ofNullable(def), Keyword.scopes(scopes), Optional.empty(),
                Keyword.Deprecation.NONE));
    }

    private void ignored(String name, String scopes) {
        add(new Keyword(name, Values.IGNORED, Optional.empty(), Keyword.scopes(scopes), Optional.empty(),
                Keyword.Deprecation.IGNORED));
    }

    private void warned(String name, ValueType t, String def, String scopes) {
        add(new Keyword(name, t, Optional.of(def), Keyword.scopes(scopes), Optional.empty(),
                Keyword.Deprecation.WARN));
    }

    private void noted(String name, ValueType t, String def, String scopes) {
        add(new Keyword(name, t, Optional.of(def), Keyword.scopes(scopes), Optional.empty(),
                Keyword.Deprecation.NOTED));
    }

    /** The multipath.conf(5) note for a NOTED keyword. */
    static String deprecationNote(String name) {
        return switch (name) {
            case "delay_watch_checks" -> "\"delay_watch_checks\" is deprecated, and mapped to san_path_err_forget_rate";
            case "delay_wait_checks" -> "\"delay_wait_checks\" is deprecated, and mapped to san_path_err_recovery_time";
            case "disable_changed_wwids" -> "\"disable_changed_wwids\" is deprecated, not supported any more, the value"
                    + " is ignored";
            default -> "\"" + name + "\" is deprecated";
        };
    }

    private void alias(String name, String of, String scopes) {
        add(new Keyword(name, STR, Optional.empty(), Keyword.scopes(scopes), Optional.of(of),
                Keyword.Deprecation.NONE));
    }

    private void add(Keyword k) {
        rows.add(k);
        byName.put(k.name(), k);
    }

    /** recheck_wwid follows vpd_vendor in the device section (positions 43/44). */
    private void fixRecheckWwid() {
        Keyword r = byName.get("recheck_wwid");
        Map<Scope, Integer> p = new java.util.EnumMap<>(r.positions());
        p.put(Scope.DEVICE, 44);
        p.put(Scope.OVERRIDES, 44);
        Keyword fixed = new Keyword(r.name(), r.type(), r.builtin(), p, r.aliasOf(), r.deprecation());
        rows.set(rows.indexOf(r), fixed);
        byName.put(r.name(), fixed);
    }

    private static String[] protocolAliases() {
        String[] names = {"undef", "ccw", "cciss", "scsi:fcp", "scsi:spi", "scsi:ssa", "scsi:sbp", "scsi:srp",
            "scsi:iscsi", "scsi:sas", "scsi:adt", "scsi:ata", "scsi:usb", "scsi:unspec", "nvme:pcie",
            "nvme:rdma", "nvme:fc", "nvme:tcp", "nvme:loop", "nvme:apple-nvme", "nvme:unspec"};
        String[] a = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            a[2 * i] = names[i];
            a[2 * i + 1] = names[i];
        }
        return a;
    }

    /** get_pgpolicy_id: prefix match (strncmp) on the five policy names. */
    private static final class PgPolicyType implements ValueType {
        private static final List<String> NAMES = List.of("failover", "multibus", "group_by_serial",
                "group_by_prio", "group_by_node_name");

        public Parsed parse(String kw, String raw) {
            for (String n : NAMES) {
                if (raw.startsWith(n)) {
                    return Parsed.set(n);
                }
            }
            return Parsed.keep(Values.invalid("path_grouping_policy", raw));
        }

        public String print(String v) {
            return ValueType.quote(v);
        }
    }

    /** Debian's 0.9.4 is built without FPIN_EVENT_HANDLER: "fpin" gets its own message. */
    private record NoFpin(ValueType inner) implements ValueType {
        public Parsed parse(String kw, String raw) {
            return raw.equals("fpin") ? Parsed.keep("support for \"fpin\" is not compiled in for marginal_pathgroups")
                    : inner.parse(kw, raw);
        }

        public String print(String v) {
            return inner.print(v);
        }
    }

    /** uid_attrs: space-separated "dev:ATTR" records, printed bare. */
    private static final class UidAttrsType implements ValueType {
        public Parsed parse(String kw, String raw) {
            List<String> ok = new ArrayList<>();
            String bad = null;
            for (String w : raw.trim().split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                if (w.indexOf(':') < 0) {
                    bad = w;
                } else {
                    ok.add(w);
                }
            }
            String v = String.join(" ", ok);
            Parsed p = v.isEmpty() ? Parsed.unset() : Parsed.set(v);
            return bad == null ? p : new Parsed(p.kind(), p.value(),
                    Optional.of("error parsing uid_attrs: \"" + raw + "\""));
        }

        public String print(String v) {
            return v;
        }
    }

    /**
     * max_fds: "max" or 0..nr_open; printed "max" when at least nr_open. Like max_fds_handler, the
     * limit is the running kernel's /proc/sys/fs/nr_open (4096 when unreadable), read when the
     * keyword is parsed; systemd hosts raise it well above the kernel default 1048576.
     */
    private static final class MaxFdsType implements ValueType {
        static long nrOpen() {
            // read as a stream: Files.readString trusts the size procfs reports and returns "1"
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/fs/nr_open"))) {
                return Long.parseLong(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim());
            } catch (java.io.IOException | NumberFormatException e) {
                return 4096;
            }
        }

        public Parsed parse(String kw, String raw) {
            if (raw.equals("max")) {
                return Parsed.set("max");
            }
            long nrOpen = nrOpen();
            Parsed p = Values.doSetInt(kw, raw, 0, nrOpen);
            if (p.kind() == Parsed.Kind.SET && Long.parseLong(p.value()) >= nrOpen) {
                return new Parsed(Parsed.Kind.SET, "max", p.warning());
            }
            return p;
        }

        /** conf->max_fds == 0 prints nothing. */
        public String print(String v) {
            return v.equals("max") ? ValueType.quote(v) : v.equals("0") ? null : v;
        }
    }
}
