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

    /** One entry of multipathd's key vector: a spelling and the keyword it stands for. */
    public record Key(String word, CliKeyword keyword) {
    }

    /**
     * multipathd 0.9.4's key vector (cli.c load_keys) in its order, one entry per spelling; then
     * the four keys 0.9.4 lacks and later releases added (prhold verbs, pathlist), appended so no
     * 0.9.4 abbreviation changes meaning. The order decides abbreviations and the help aliases.
     */
    static final List<Key> KEYS = keys(
            "list", LIST, "show", LIST, "add", ADD, "remove", REMOVE, "del", REMOVE,
            "switch", SWITCH, "switchgroup", SWITCH, "suspend", SUSPEND, "resume", RESUME,
            "reinstate", REINSTATE, "fail", FAIL, "resize", RESIZE, "reset", RESET, "reload", RELOAD,
            "forcequeueing", FORCEQ, "disablequeueing", DISABLEQ, "restorequeueing", RESTOREQ,
            "paths", PATHS, "maps", MAPS, "multipaths", MAPS, "path", PATH, "map", MAP, "multipath", MAP,
            "group", GROUP, "reconfigure", RECONFIGURE, "daemon", DAEMON, "status", STATUS, "stats", STATS,
            "topology", TOPOLOGY, "config", CONFIG, "blacklist", BLACKLIST, "devices", DEVICES, "raw", RAW,
            "wildcards", WILDCARDS, "quit", QUIT, "exit", QUIT, "shutdown", SHUTDOWN,
            "getprstatus", GETPRSTATUS, "setprstatus", SETPRSTATUS, "unsetprstatus", UNSETPRSTATUS,
            "format", FORMAT, "json", JSON, "getprkey", GETPRKEY, "setprkey", SETPRKEY, "unsetprkey", UNSETPRKEY,
            "key", KEY, "local", LOCAL, "setmarginal", SETMARGINAL, "unsetmarginal", UNSETMARGINAL, "all", ALL,
            // not in 0.9.4:
            "getprhold", GETPRHOLD, "setprhold", SETPRHOLD, "unsetprhold", UNSETPRHOLD, "pathlist", PATHLIST);

    private static List<Key> keys(Object... pairs) {
        java.util.ArrayList<Key> out = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new Key((String) pairs[i], (CliKeyword) pairs[i + 1]));
        }
        return List.copyOf(out);
    }

    /** The key vector, in order. */
    public static List<Key> keyTable() {
        return KEYS;
    }

    /**
     * multipathd's find_key: walking the key vector in order, an exact spelling wins at once; the
     * first spelling the word abbreviates is remembered, and a second one makes the word
     * ambiguous (empty) — also when both spell the same keyword ("sw": switch, switchgroup).
     */
    public static Optional<CliKeyword> lookup(String word) {
        Key found = null;
        for (Key k : KEYS) {
            if (!k.word().startsWith(word)) {
                continue;
            }
            if (k.word().length() == word.length()) {
                return Optional.of(k.keyword());
            }
            if (found != null) {
                return Optional.empty();
            }
            found = k;
        }
        return Optional.ofNullable(found).map(Key::keyword);
    }

    /** Spellings of this keyword in key-vector order ("list", "show"). */
    public List<String> spellings() {
        return KEYS.stream().filter(k -> k.keyword() == this).map(Key::word).toList();
    }

    /** Every spelling of every keyword, for tab completion. */
    public static List<String> allWords() {
        return KEYS.stream().map(Key::word).toList();
    }
}
