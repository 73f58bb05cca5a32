package io.jmultipath.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blacklist engine (blacklist.c): per path property → devnode → device → protocol → wwid; in each
 * criterion an exception match means "whitelisted" for that criterion only; the first blacklisted
 * criterion decides.
 */
public final class Blacklist {
    /** Created on the first verdict, not when a Config is built: `jmultipath -t` never starts logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Blacklist.class);
    }

    /** One side (blacklist or exceptions) of the rules. */
    public record Rules(List<BlacklistRule> devnode, List<BlacklistRule> wwid, List<BlacklistRule> property,
                        List<BlacklistRule> protocol, List<BlacklistRule.Device> device) {
    }

    private final Rules blacklist;
    private final Rules exceptions;

    Blacklist(Rules blacklist, Rules exceptions) {
        this.blacklist = blacklist;
        this.exceptions = exceptions;
    }

    public Rules blacklistRules() {
        return blacklist;
    }

    public Rules exceptionRules() {
        return exceptions;
    }

    private static boolean any(List<BlacklistRule> rules, String s) {
        for (BlacklistRule r : rules) {
            if (r.matches(s)) {
                return true;
            }
        }
        return false;
    }

    private static final Verdict OK = new Verdict(false, "");

    public Verdict check(PathFacts f) {
        Verdict v = checkProperty(f);
        if (v.blacklisted()) {
            return v;
        }
        v = checkDevnode(f.devnode());
        if (v.blacklisted()) {
            return v;
        }
        v = checkDevice(f);
        if (v.blacklisted()) {
            return v;
        }
        v = checkProtocol(f);
        if (v.blacklisted()) {
            return v;
        }
        return checkWwid(f);
    }

    private Verdict log(Verdict v) {
        if (!v.reason().isEmpty()) {
            Log.LOG.debug("{}", v.reason());
        }
        return v;
    }

    /** filter_devnode. */
    public Verdict checkDevnode(String devnode) {
        if (any(exceptions.devnode(), devnode)) {
            return log(new Verdict(false, devnode + ": device node name whitelisted"));
        }
        if (any(blacklist.devnode(), devnode)) {
            return log(new Verdict(true, devnode + ": device node name blacklisted"));
        }
        return OK;
    }

    private Verdict checkDevice(PathFacts f) {
        if (f.vendor().isEmpty() || f.product().isEmpty()) {
            return OK;
        }
        String v = f.vendor().get();
        String p = f.product().get();
        String who = f.devnode() + ": (" + v + ":" + p + ") vendor/product ";
        if (exceptions.device().stream().anyMatch(d -> d.matches(v, p))) {
            return log(new Verdict(false, who + "whitelisted"));
        }
        if (blacklist.device().stream().anyMatch(d -> d.matches(v, p))) {
            return log(new Verdict(true, who + "blacklisted"));
        }
        return OK;
    }

    private Verdict checkProtocol(PathFacts f) {
        String prot = f.protocol().orElse("undef");
        if (any(exceptions.protocol(), prot)) {
            return log(new Verdict(false, f.devnode() + ": protocol " + prot + " whitelisted"));
        }
        if (any(blacklist.protocol(), prot)) {
            return log(new Verdict(true, f.devnode() + ": protocol " + prot + " blacklisted"));
        }
        return OK;
    }

    private Verdict checkWwid(PathFacts f) {
        if (f.wwid().isEmpty()) {
            return OK;
        }
        String w = f.wwid().get();
        if (any(exceptions.wwid(), w)) {
            return log(new Verdict(false, f.devnode() + ": wwid " + w + " whitelisted"));
        }
        if (any(blacklist.wwid(), w)) {
            return log(new Verdict(true, f.devnode() + ": wwid " + w + " blacklisted"));
        }
        return OK;
    }

    /** filter_property: the device's udev properties must include an exception match. */
    private Verdict checkProperty(PathFacts f) {
        boolean checkMissing = f.uidAttribute() != null && !f.uidAttribute().isEmpty();
        boolean uidSeen = false;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(f.udevProperties()).entrySet()) {
            String env = e.getKey();
            if (checkMissing && env.equals(f.uidAttribute())) {
                uidSeen = true;
            }
            if (any(exceptions.property(), env)) {
                return log(new Verdict(false, f.devnode() + ": udev property " + env + " whitelisted"));
            }
            if (any(blacklist.property(), env)) {
                return log(new Verdict(true, f.devnode() + ": udev property " + env + " blacklisted"));
            }
        }
        if (checkMissing && uidSeen) {
            return log(new Verdict(true, f.devnode() + ": blacklisted, udev property missing"));
        }
        return OK;
    }

    /** The {@code show blacklist} text (snprint_blacklist_report). */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append("device node rules:\n- blacklist:\n");
        group(b, blacklist.devnode());
        b.append("- exceptions:\n");
        group(b, exceptions.devnode());
        b.append("udev property rules:\n- blacklist:\n");
        group(b, blacklist.property());
        b.append("- exceptions:\n");
        group(b, exceptions.property());
        b.append("protocol rules:\n- blacklist:\n");
        group(b, blacklist.protocol());
        b.append("- exceptions:\n");
        group(b, exceptions.protocol());
        b.append("wwid rules:\n- blacklist:\n");
        group(b, blacklist.wwid());
        b.append("- exceptions:\n");
        group(b, exceptions.wwid());
        b.append("device rules:\n- blacklist:\n");
        devGroup(b, blacklist.device());
        b.append("- exceptions:\n");
        devGroup(b, exceptions.device());
        return b.toString();
    }

    private static String origin(boolean fromConfig) {
        return fromConfig ? "(config file rule)" : "(default rule)    ";
    }

    private static void group(StringBuilder b, List<BlacklistRule> rules) {
        if (rules.isEmpty()) {
            b.append("        <empty>\n");
        }
        for (BlacklistRule r : rules) {
            b.append("        ").append(origin(r.fromConfig())).append(' ').append(r.text()).append('\n');
        }
    }

    private static void devGroup(StringBuilder b, List<BlacklistRule.Device> rules) {
        if (rules.isEmpty()) {
            b.append("        <empty>\n");
        }
        for (BlacklistRule.Device d : rules) {
            b.append("        ").append(origin(d.fromConfig())).append(' ').append(d.vendorText()).append(':')
                    .append(d.productText()).append('\n');
        }
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
