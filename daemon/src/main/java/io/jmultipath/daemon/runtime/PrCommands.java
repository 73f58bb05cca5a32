package io.jmultipath.daemon.runtime;

import static io.jmultipath.daemon.server.CliKeyword.KEY;

import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import java.util.Locale;
import java.util.Optional;

/**
 * The persistent-reservation commands libmpathpersist sends, answered like multipathd 0.9.4 does
 * for a map: the registered flag (getprstatus answers "0"/"1" without a newline), and the
 * reservation key of the configuration ({@code reservation_key}). jmultipathd does not itself
 * register keys on the paths; a key set with setprkey (reservation_key "file") lives in memory only.
 */
final class PrCommands {
    private final Engine e;

    PrCommands(Engine e) {
        this.e = e;
    }

    Reply handle(ParsedCommand c, MapRuntime m) {
        return switch (c.command()) {
            case GETPRSTATUS_MAP -> {
                Engine.LOG.debug("{}: prflag = {}", m.name, m.prflag ? 1 : 0);
                yield Reply.text(m.prflag ? "1" : "0");
            }
            case SETPRSTATUS_MAP, SETPRSTATUS_MAP_PATHLIST -> {
                if (!m.prflag) {
                    m.prflag = true;
                    Engine.LOG.info("{}: prflag set", m.name);
                }
                yield Reply.ok();
            }
            case UNSETPRSTATUS_MAP -> {
                if (m.prflag) {
                    m.prflag = false;
                    Engine.LOG.info("{}: prflag unset", m.name);
                }
                yield Reply.ok();
            }
            case GETPRKEY_MAP -> {
                Engine.LOG.debug("{}: get persistent reservation key (operator)", m.name);
                yield Reply.text(key(m).map(k -> k + "\n").orElse("none\n"));
            }
            case SETPRKEY_MAP_KEY -> setKey(m, c.require(KEY));
            case UNSETPRKEY_MAP -> {
                Engine.LOG.debug("{}: unset persistent reservation key (operator)", m.name);
                m.fileKey = Optional.empty();
                yield key(m).isEmpty() ? Reply.ok() : Reply.fail(m.name + ": reservation_key is set in the configuration");
            }
            // 0.14's hold flag: nothing is held, since nothing is reserved here
            case GETPRHOLD_MAP -> Reply.text("unset\n");
            case SETPRHOLD_MAP, UNSETPRHOLD_MAP -> Reply.ok();
            default -> throw new IllegalArgumentException("not a reservation command: " + c.command());
        };
    }

    /** "0x1234" (":aptpl" when so configured), from the configuration or a key set while it says "file". */
    Optional<String> key(MapRuntime m) {
        String conf = m.setting("reservation_key", "");
        if (conf.equals("file")) {
            return m.fileKey;
        }
        return parse(conf);
    }

    private Reply setKey(MapRuntime m, String raw) {
        Engine.LOG.debug("{}: set persistent reservation key (operator)", m.name);
        Optional<String> k = parse(raw);
        if (k.isEmpty()) {
            return Reply.fail(m.name + ": invalid prkey : '" + raw + "'");
        }
        if (!m.setting("reservation_key", "").equals("file")) {
            return Reply.fail(m.name + ": reservation_key is not \"file\"");
        }
        m.fileKey = k;
        return Reply.ok();
    }

    /** A key as multipathd prints it: "0x" + lower-case hex without leading zeros, ":aptpl" kept; 0 = none. */
    static Optional<String> parse(String raw) {
        String s = raw.strip();
        String flag = "";
        if (s.endsWith(":aptpl")) {
            flag = ":aptpl";
            s = s.substring(0, s.length() - 6);
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 16 || !s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return Optional.empty();
        }
        long v = Long.parseUnsignedLong(s, 16);
        return v == 0 ? Optional.empty() : Optional.of("0x" + Long.toHexString(v).toLowerCase(Locale.ROOT) + flag);
    }
}
