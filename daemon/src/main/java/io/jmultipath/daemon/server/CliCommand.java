package io.jmultipath.daemon.server;

import static io.jmultipath.daemon.server.CliKeyword.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every multipathd CLI command (callbacks.c), in multipathd 0.9.4's registration order (which is
 * the help order), then the five later releases added (not in the 0.9.4 help). A command is
 * identified by its fingerprint: the keyword codes in typed order packed into an int.
 */
public enum CliCommand {
    LIST_PATHS(LIST, PATHS),
    LIST_PATHS_FMT(LIST, PATHS, FORMAT),
    LIST_PATHS_RAW_FMT(LIST, PATHS, RAW, FORMAT),
    LIST_PATH(LIST, PATH),
    LIST_MAPS(LIST, MAPS),
    LIST_STATUS(LIST, STATUS),
    LIST_DAEMON(LIST, DAEMON),
    LIST_MAPS_STATUS(LIST, MAPS, STATUS),
    LIST_MAPS_STATS(LIST, MAPS, STATS),
    LIST_MAPS_FMT(LIST, MAPS, FORMAT),
    LIST_MAPS_RAW_FMT(LIST, MAPS, RAW, FORMAT),
    LIST_MAPS_TOPOLOGY(LIST, MAPS, TOPOLOGY),
    LIST_TOPOLOGY(LIST, TOPOLOGY),
    LIST_MAPS_JSON(LIST, MAPS, JSON),
    LIST_MAP_TOPOLOGY(LIST, MAP, TOPOLOGY),
    LIST_MAP_FMT(LIST, MAP, FORMAT),
    LIST_MAP_RAW_FMT(LIST, MAP, RAW, FORMAT),
    LIST_MAP_JSON(LIST, MAP, JSON),
    LIST_CONFIG_LOCAL(LIST, CONFIG, LOCAL),
    LIST_CONFIG(LIST, CONFIG),
    LIST_BLACKLIST(LIST, BLACKLIST),
    LIST_DEVICES(LIST, DEVICES),
    LIST_WILDCARDS(LIST, WILDCARDS),
    RESET_MAPS_STATS(RESET, MAPS, STATS),
    RESET_MAP_STATS(RESET, MAP, STATS),
    ADD_PATH(ADD, PATH),
    DEL_PATH(REMOVE, PATH),
    ADD_MAP(ADD, MAP),
    DEL_MAP(REMOVE, MAP),
    DEL_MAPS(REMOVE, MAPS),
    SWITCH_GROUP(SWITCH, MAP, GROUP),
    RECONFIGURE_CMD(RECONFIGURE),
    RECONFIGURE_ALL(RECONFIGURE, ALL),
    SUSPEND_MAP(SUSPEND, MAP),
    RESUME_MAP(RESUME, MAP),
    RESIZE_MAP(RESIZE, MAP),
    RELOAD_MAP(RELOAD, MAP),
    RESET_MAP(RESET, MAP),
    REINSTATE_PATH(REINSTATE, PATH),
    FAIL_PATH(FAIL, PATH),
    DISABLEQ_MAP(DISABLEQ, MAP),
    RESTOREQ_MAP(RESTOREQ, MAP),
    DISABLEQ_MAPS(DISABLEQ, MAPS),
    RESTOREQ_MAPS(RESTOREQ, MAPS),
    QUIT_CMD(QUIT),
    SHUTDOWN_CMD(SHUTDOWN),
    GETPRSTATUS_MAP(GETPRSTATUS, MAP),
    SETPRSTATUS_MAP(SETPRSTATUS, MAP),
    UNSETPRSTATUS_MAP(UNSETPRSTATUS, MAP),
    FORCEQ_DAEMON(FORCEQ, DAEMON),
    RESTOREQ_DAEMON(RESTOREQ, DAEMON),
    GETPRKEY_MAP(GETPRKEY, MAP),
    SETPRKEY_MAP_KEY(SETPRKEY, MAP, KEY),
    UNSETPRKEY_MAP(UNSETPRKEY, MAP),
    SETMARGINAL_PATH(SETMARGINAL, PATH),
    UNSETMARGINAL_PATH(UNSETMARGINAL, PATH),
    // not in multipathd 0.9.4:
    UNSETMARGINAL_MAP(UNSETMARGINAL, MAP),
    GETPRHOLD_MAP(GETPRHOLD, MAP),
    SETPRHOLD_MAP(SETPRHOLD, MAP),
    UNSETPRHOLD_MAP(UNSETPRHOLD, MAP),
    SETPRSTATUS_MAP_PATHLIST(SETPRSTATUS, MAP, PATHLIST);

    private static final Map<Integer, CliCommand> BY_FINGERPRINT = index();

    private final List<CliKeyword> keywords;

    CliCommand(CliKeyword... keywords) {
        this.keywords = List.of(keywords);
    }

    public List<CliKeyword> keywords() {
        return keywords;
    }

    public CliKeyword verb() {
        return keywords.get(0);
    }

    /** Non-root callers may only run list/show commands. */
    public boolean needsRoot() {
        return verb() != LIST;
    }

    /** One of the 56 commands multipathd 0.9.4 registers (and lists in its help). */
    public boolean inMultipathd094() {
        return ordinal() <= UNSETMARGINAL_PATH.ordinal();
    }

    /** Persistent-reservation commands (handled by libmpathpersist callers). */
    public boolean isPersistentReservation() {
        int c = verb().code();
        return (c >= GETPRSTATUS.code() && c <= UNSETPRKEY.code()) || (c >= GETPRHOLD.code() && c <= UNSETPRHOLD.code());
    }

    public int fingerprint() {
        return fingerprint(keywords);
    }

    public static int fingerprint(List<CliKeyword> typed) {
        int fp = 0;
        for (int i = 0; i < typed.size(); i++) {
            fp |= typed.get(i).code() << (8 * i);
        }
        return fp;
    }

    public static Optional<CliCommand> byFingerprint(int fp) {
        return Optional.ofNullable(BY_FINGERPRINT.get(fp));
    }

    /**
     * The help line of this command (cli.c do_genhelp): per keyword its first spelling in the key
     * vector, the other spellings as "|alias", and " $name" for a parameter:
     * " list|show map|multipath $map topology".
     */
    public String helpLine() {
        StringBuilder sb = new StringBuilder();
        for (CliKeyword k : keywords) {
            List<String> sp = k.spellings();
            sb.append(' ').append(String.join("|", sp));
            if (k.hasParam()) {
                sb.append(" $").append(sp.get(0));
            }
        }
        return sb.toString();
    }

    private static Map<Integer, CliCommand> index() {
        Map<Integer, CliCommand> m = new HashMap<>();
        for (CliCommand c : values()) {
            if (m.put(c.fingerprint(), c) != null) {
                throw new IllegalStateException("duplicate fingerprint " + c);
            }
        }
        return Map.copyOf(m);
    }
}
