package io.jmultipath.checker.prio;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.PrioPathInfo;
import io.jmultipath.checker.Prioritizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * weightedpath: prio_args "hbtl|devname|serial|wwn REGEX PRIO [REGEX PRIO]...". The first regex
 * (unanchored, like regexec) matching the path's value gives the priority; no match 0. Values:
 * hbtl "H:C:T:L", devname, serial, wwn "host_wwnn:host_wwpn:target_wwnn:target_wwpn" ([undef]
 * for non-FC). Without {@link PrioPathInfo} hbtl is taken from the sysfs device link name.
 */
public final class WeightedPathPrioritizer implements Prioritizer {
    static final int DEFAULT_PRIORITY = 0;
    private static final Logger LOG = LoggerFactory.getLogger(WeightedPathPrioritizer.class);

    @Override
    public String name() {
        return "weightedpath";
    }

    @Override
    public int priority(PathHandle p, String args) {
        return priority(p, args, new PrioPathInfo(hbtlFromSysfs(p.sysfsDevice()), Optional.empty(), Optional.empty()));
    }

    @Override
    public int priority(PathHandle p, String args, PrioPathInfo info) {
        if (args == null) {
            return DEFAULT_PRIORITY;
        }
        List<String> words = List.of(args.trim().split("[ \t]+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return DEFAULT_PRIORITY;
        }
        String value;
        switch (words.get(0)) {
            case "hbtl":
                if (info.hbtl().isEmpty()) {
                    LOG.warn("{}: weightedpath: no H:C:T:L", p.devName());
                    return DEFAULT_PRIORITY;
                }
                value = info.hbtl().get();
                break;
            case "devname": value = p.devName(); break;
            case "serial":
                if (info.serial().filter(x -> !x.isEmpty()).isEmpty()) {
                    LOG.warn("{}: failed to get serial", p.devName());    // no regex is tried, like prio_path_weight
                    return DEFAULT_PRIORITY;
                }
                value = info.serial().get();
                break;
            case "wwn": value = info.wwn().orElse("[undef]:[undef]:[undef]:[undef]"); break;
            default:
                LOG.warn("{}: weightedpath - Invalid arguments", p.devName());
                return DEFAULT_PRIORITY;
        }
        for (int i = 1; i + 1 < words.size(); i += 2) {
            try {
                if (Pattern.compile(words.get(i)).matcher(value).find()) {
                    return atoi(words.get(i + 1));
                }
            } catch (PatternSyntaxException e) {
                LOG.debug("{}: weightedpath: bad regex {}", p.devName(), words.get(i));
            }
        }
        return DEFAULT_PRIORITY;
    }

    /** C atoi: optional sign and leading digits, else 0. */
    static int atoi(String s) {
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return (int) Math.min(Integer.MAX_VALUE, neg ? -v : v);
    }

    static Optional<String> hbtlFromSysfs(Path sysfsDevice) {
        try {
            Path real = sysfsDevice.toRealPath();
            String n = real.getFileName().toString();
            return n.matches("\\d+:\\d+:\\d+:\\d+") ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
