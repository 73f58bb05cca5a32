package io.jmultipath.daemon.names;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user_friendly_names bindings file (/etc/multipath/bindings): "alias wwid" lines.
 * A new WWID gets the lowest free id whose name is neither bound nor held by another device-mapper
 * device. Writes keep every existing byte (corrupt lines included) and append, via temp file +
 * fsync + rename under a lock: the file is never truncated.
 */
public final class BindingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(BindingsFile.class);

    public static final String HEADER = "# Multipath bindings, Version : 1.0\n"
            + "# NOTE: this file is automatically maintained by the multipath program.\n"
            + "# You should not need to edit this file in normal circumstances.\n"
            + "#\n"
            + "# Format:\n"
            + "# alias wwid\n"
            + "#\n";

    /** One valid binding and its line number. */
    public record Binding(String alias, String wwid, int line) {}

    /** Valid bindings in file order, one warning per corrupt line ("FILE:LINE: ..."), and the raw text. */
    public record Parsed(List<Binding> bindings, List<String> warnings, String text) {
        public Optional<String> aliasOf(String wwid) {
            return bindings.stream().filter(b -> b.wwid().equals(wwid)).map(Binding::alias).findFirst();
        }

        public Optional<String> wwidOf(String alias) {
            return bindings.stream().filter(b -> b.alias().equals(alias)).map(Binding::wwid).findFirst();
        }
    }

    /** Result of an allocation: the alias, whether a new binding was made, warnings seen in the file. */
    public record Allocation(String alias, boolean created, List<String> warnings) {}

    private final Path file;
    private final String displayName;

    /** @param displayName the name used in messages ("/etc/multipath/bindings") */
    public BindingsFile(Path file, String displayName) {
        this.file = file;
        this.displayName = displayName;
    }

    public static Parsed parse(String text, String fileName) {
        List<Binding> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> byAlias = new HashMap<>();
        Map<String, String> byWwid = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] f = body.split("[ \t]+");
            int no = i + 1;
            if (f.length < 2) {
                warnings.add(fileName + ":" + no + ": malformed line ignored (alias without wwid): '" + body + "'");
                continue;
            }
            if (f.length > 2) {
                warnings.add(fileName + ":" + no + ": ignoring extra data after wwid: '" + body + "'");
            }
            String alias = f[0];
            String wwid = f[1];
            if (!clean(alias) || !clean(wwid)) {
                warnings.add(fileName + ":" + no + ": malformed line ignored (control or non-UTF-8 bytes)");
                continue;
            }
            if (byAlias.containsKey(alias) && !byAlias.get(alias).equals(wwid)) {
                warnings.add(fileName + ":" + no + ": alias " + alias + " already bound to "
                        + byAlias.get(alias) + "; line ignored");
                continue;
            }
            if (byWwid.containsKey(wwid) && !byWwid.get(wwid).equals(alias)) {
                warnings.add(fileName + ":" + no + ": wwid " + wwid + " already bound to "
                        + byWwid.get(wwid) + "; line ignored");
                continue;
            }
            if (byAlias.containsKey(alias)) {
                continue;
            }
            byAlias.put(alias, wwid);
            byWwid.put(wwid, alias);
            out.add(new Binding(alias, wwid, no));
        }
        return new Parsed(List.copyOf(out), List.copyOf(warnings), text);
    }

    /** An alias or WWID has no control characters and no bytes that failed to decode (U+FFFD). */
    private static boolean clean(String s) {
        return s.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd);
    }

    public Parsed read() throws IOException {
        if (!Files.exists(file)) {
            return new Parsed(List.of(), List.of(), "");
        }
        return parse(AtomicFiles.readText(file), displayName);
    }

    /**
     * Appends new bindings in one atomic write under the lock, re-reading the file first: a binding
     * whose alias or WWID got bound meanwhile (by another process) is skipped and returned.
     */
    public List<Binding> appendAll(List<Binding> fresh) throws IOException {
        if (fresh.isEmpty()) {
            return List.of();
        }
        FileLock lock = AtomicFiles.lock(file);
        try {
            Parsed parsed = read();
            List<Binding> conflicts = new ArrayList<>();
            StringBuilder add = new StringBuilder();
            for (Binding b : fresh) {
                if (parsed.aliasOf(b.wwid()).isPresent() || parsed.wwidOf(b.alias()).isPresent()) {
                    conflicts.add(b);
                    continue;
                }
                add.append(b.alias()).append(' ').append(b.wwid()).append('\n');
            }
            if (add.length() > 0) {
                AtomicFiles.append(file, HEADER, add.toString());
            }
            return conflicts;
        } finally {
            AtomicFiles.unlock(lock);
        }
    }

    /** Lowest id ≥ 1 whose name is neither in {@code parsed} nor in {@code taken}. */
    public static int lowestFreeId(Parsed parsed, String prefix, Set<String> taken) {
        Set<Integer> used = new HashSet<>();
        for (Binding b : parsed.bindings()) {
            FriendlyNames.scan(prefix, b.alias()).ifPresent(used::add);
        }
        for (String t : taken) {
            FriendlyNames.scan(prefix, t).ifPresent(used::add);
        }
        int id = 1;
        while (used.contains(id)) {
            id++;
        }
        return id;
    }

    /**
     * The alias bound to {@code wwid}, allocating and persisting a new binding if needed.
     *
     * @param takenByDm names of device-mapper devices that are not this WWID's map
     * @param readOnly  compute the alias without writing (dry run)
     */
    public Allocation allocate(String wwid, String prefix, Set<String> takenByDm, boolean readOnly) throws IOException {
        FileLock lock = readOnly ? null : AtomicFiles.lock(file);
        try {
            Parsed parsed = read();
            for (String w : parsed.warnings()) {
                LOG.warn("{}", w);
            }
            Optional<String> existing = parsed.aliasOf(wwid);
            if (existing.isPresent()) {
                return new Allocation(existing.get(), false, parsed.warnings());
            }
            String alias = FriendlyNames.format(prefix, lowestFreeId(parsed, prefix, takenByDm));
            if (!readOnly) {
                AtomicFiles.append(file, HEADER, alias + " " + wwid + "\n");
                LOG.info("{}: added binding {} {}", displayName, alias, wwid);
            }
            return new Allocation(alias, true, parsed.warnings());
        } finally {
            if (lock != null) {
                AtomicFiles.unlock(lock);
            }
        }
    }
}
