package io.jmultipath.daemon.names;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The find_multipaths WWID list (/etc/multipath/wwids): "/wwid/" lines, edited atomically under a lock. */
public final class WwidsFile {

    public static final String HEADER = "# Multipath wwids, Version : 1.0\n"
            + "# NOTE: This file is automatically maintained by multipath and multipathd.\n"
            + "# You should not need to edit this file in normal circumstances.\n"
            + "#\n"
            + "# Valid WWIDs:\n";

    /** WWIDs in file order and one warning per malformed line. */
    public record Parsed(Set<String> wwids, List<String> warnings) {}

    private final Path file;
    private final String displayName;

    public WwidsFile(Path file, String displayName) {
        this.file = file;
        this.displayName = displayName;
    }

    public static Parsed parse(String text, String fileName) {
        Set<String> out = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.length() > 2 && l.startsWith("/") && l.indexOf('/', 1) == l.length() - 1) {
                out.add(l.substring(1, l.length() - 1));
            } else {
                warnings.add(fileName + ":" + (i + 1) + ": malformed line ignored: '" + l + "'");
            }
        }
        return new Parsed(out, warnings);
    }

    public Parsed read() throws IOException {
        if (!Files.exists(file)) {
            return new Parsed(Set.of(), List.of());
        }
        return parse(AtomicFiles.readText(file), displayName);
    }

    public boolean contains(String wwid) throws IOException {
        return read().wwids().contains(wwid);
    }

    /** Adds a WWID; false if it was already there. */
    public boolean add(String wwid) throws IOException {
        FileLock lock = AtomicFiles.lock(file);
        try {
            if (read().wwids().contains(wwid)) {
                return false;
            }
            AtomicFiles.append(file, HEADER, "/" + wwid + "/\n");
            return true;
        } finally {
            AtomicFiles.unlock(lock);
        }
    }

    /** Adds several WWIDs in one atomic write; returns how many were new. */
    public int addAll(java.util.Collection<String> wwids) throws IOException {
        FileLock lock = AtomicFiles.lock(file);
        try {
            Set<String> have = read().wwids();
            StringBuilder add = new StringBuilder();
            int n = 0;
            for (String w : new LinkedHashSet<>(wwids)) {
                if (!have.contains(w)) {
                    add.append('/').append(w).append("/\n");
                    n++;
                }
            }
            if (n == 0) {
                return 0;
            }
            AtomicFiles.append(file, HEADER, add.toString());
            return n;
        } finally {
            AtomicFiles.unlock(lock);
        }
    }

    /** Removes a WWID (every line naming it); false if it was not there. */
    public boolean remove(String wwid) throws IOException {
        FileLock lock = AtomicFiles.lock(file);
        try {
            if (!Files.exists(file)) {
                return false;
            }
            // byte for byte (ISO-8859-1): the lines that stay, corrupt ones included, are not re-encoded
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            StringBuilder sb = new StringBuilder();
            boolean removed = false;
            for (String line : text.split("\n", -1)) {
                if (line.strip().equals("/" + wwid + "/")) {
                    removed = true;
                    continue;
                }
                sb.append(line).append('\n');
            }
            if (!removed) {
                return false;
            }
            String out = sb.toString();
            out = out.substring(0, out.length() - 1); // the split's trailing element
            AtomicFiles.write(file, out.getBytes(StandardCharsets.ISO_8859_1));
            return true;
        } finally {
            AtomicFiles.unlock(lock);
        }
    }

    /** Replaces the list with exactly {@code wwids} (multipath -W). */
    public void replaceAll(Collection<String> wwids) throws IOException {
        FileLock lock = AtomicFiles.lock(file);
        try {
            StringBuilder sb = new StringBuilder(HEADER);
            for (String w : new LinkedHashSet<>(wwids)) {
                sb.append('/').append(w).append("/\n");
            }
            AtomicFiles.write(file, sb.toString());
        } finally {
            AtomicFiles.unlock(lock);
        }
    }
}
