package io.jmultipath.daemon.server;

import java.util.List;
import java.util.Optional;

/**
 * The multipathd CLI keyword table (cli.c {@code load_keys}): each keyword has an 8-bit code,
 * aliases share the code, and some keywords take the next word as their parameter.
 * The enum order is the table order, which is also the order aliases appear in the help text.
 */
public enum CliKeyword {
    LIST(1, false, "list", "show"),
    ADD(2, false, "add"),
    REMOVE(3, false, "remove", "del"),
    RESET(4, false, "reset"),
    SWITCH(5, false, "switch", "switchgroup"),
    RECONFIGURE(6, false, "reconfigure"),
    SUSPEND(7, false, "suspend"),
    RESUME(8, false, "resume"),
    RESIZE(9, false, "resize"),
    RELOAD(10, false, "reload"),
    FAIL(11, false, "fail"),
    REINSTATE(12, false, "reinstate"),
    DISABLEQ(13, false, "disablequeueing"),
    RESTOREQ(14, false, "restorequeueing"),
    FORCEQ(15, false, "forcequeueing"),
    GETPRSTATUS(16, false, "getprstatus"),
    SETPRSTATUS(17, false, "setprstatus"),
    UNSETPRSTATUS(18, false, "unsetprstatus"),
    GETPRKEY(19, false, "getprkey"),
    SETPRKEY(20, false, "setprkey"),
    UNSETPRKEY(21, false, "unsetprkey"),
    SETMARGINAL(22, false, "setmarginal"),
    UNSETMARGINAL(23, false, "unsetmarginal"),
    SHUTDOWN(24, false, "shutdown"),
    QUIT(25, false, "quit", "exit"),
    GETPRHOLD(26, false, "getprhold"),
    SETPRHOLD(27, false, "setprhold"),
    UNSETPRHOLD(28, false, "unsetprhold"),
    PATH(65, true, "path"),
    PATHS(66, false, "paths"),
    MAP(67, true, "map", "multipath"),
    MAPS(68, false, "maps", "multipaths"),
    TOPOLOGY(69, false, "topology"),
    CONFIG(70, false, "config"),
    BLACKLIST(71, false, "blacklist"),
    DEVICES(72, false, "devices"),
    WILDCARDS(73, false, "wildcards"),
    ALL(74, false, "all"),
    DAEMON(75, false, "daemon"),
    FORMAT(76, true, "format"),
    RAW(77, false, "raw"),
    STATUS(78, false, "status"),
    STATS(79, false, "stats"),
    JSON(80, false, "json"),
    LOCAL(81, false, "local"),
    GROUP(82, true, "group"),
    KEY(83, true, "key"),
    PATHLIST(84, true, "pathlist");

    private final int code;
    private final boolean hasParam;
    private final List<String> words;

    CliKeyword(int code, boolean hasParam, String... words) {
        this.code = code;
        this.hasParam = hasParam;
        this.words = List.of(words);
    }

    public int code() {
        return code;
    }

    public boolean hasParam() {
        return hasParam;
    }

    /** The spellings, primary first ("list", "show"). */
    public List<String> words() {
        return words;
    }

    public boolean isVerb() {
        return code < 64;
    }

    /** Exact match wins; otherwise a unique prefix of one keyword's spellings; ambiguous = empty. */
    public static Optional<CliKeyword> lookup(String word) {
        String w = word;
        for (CliKeyword k : values()) {
            if (k.words.contains(w)) {
                return Optional.of(k);
            }
        }
        if (w.isEmpty()) {
            return Optional.empty();
        }
        CliKeyword found = null;
        for (CliKeyword k : values()) {
            for (String s : k.words) {
                if (s.startsWith(w)) {
                    if (found != null && found != k) {
                        return Optional.empty();
                    }
                    found = k;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every spelling of every keyword, for tab completion. */
    public static List<String> allWords() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (CliKeyword k : values()) {
            out.addAll(k.words);
        }
        return out;
    }
}
