package io.jmultipath.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * getpwnam for the uid/gid keywords: the "files" source of NSS, /etc/passwd (name:pw:uid:gid:...),
 * read when such a keyword is parsed. Users only known to other NSS sources (LDAP, sssd) are not found.
 */
final class Passwd {
    static final Path FILE = Path.of("/etc/passwd");

    private Passwd() {
    }

    /** {uid, gid} of the user named {@code name}, if /etc/passwd has it. */
    static Optional<long[]> lookup(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return find(Files.readString(FILE, StandardCharsets.ISO_8859_1), name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<long[]> find(String passwd, String name) {
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(name)) {
                try {
                    return Optional.of(new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
