package io.jmultipath.config;

import io.jmultipath.config.Tokenizer.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one multipath.conf text into a {@link RawConfig}, with multipath-tools' line rules
 * (parser.c {@code validate_config_strvec}, {@code process_stream}) and dict.c handlers. Unknown
 * keywords and invalid values become warnings; structural errors throw {@link ConfigException}.
 *
 * <p>Sections follow process_stream exactly: only a section keyword known at the current level
 * opens a level; an unknown {@code name {} opens nothing (its lines are read at the current level
 * and its {@code }} closes the current section, as in C). Structural errors are decided on the
 * text itself: braces that do not balance textually, an unterminated quote, a section keyword of
 * the current level without its {@code {}, a line starting with {@code {}. A textually balanced
 * file that C would read with a stray or missing {@code }} is read the same way, with a warning.
 */
final class ConfigParser {
    private static final Set<String> BL_REGEX = Set.of("devnode", "wwid", "property", "protocol");
    /** parser.c is_sublevel_keyword: names that get the "missing '{'" check wherever they appear. */
    private static final Set<String> SUBLEVEL = Set.of("defaults", "blacklist", "blacklist_exceptions", "devices",
            "device", "multipaths", "multipath");

    private enum Ctx { TOP, DEFAULTS, BLACKLIST, EXCEPTIONS, BL_DEVICE, EX_DEVICE, DEVICES, DEVICE, OVERRIDES,
        PROTOCOL, MULTIPATHS, MULTIPATH }

    private record Frame(Ctx ctx, String name, int line, Section target, Set<String> seen) {
    }

    /** A textual '{' not yet closed: its line and the first word of that line. */
    private record Open(int line, String name) {
    }

    private final RawConfig raw;
    private final String file;
    private final List<ConfigWarning> warnings;
    private final Set<String> deprecatedWarned;
    private final Keywords table = Keywords.table();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Deque<Open> braces = new ArrayDeque<>();
    private int lineNr;

    /**
     * {@code deprecatedWarned}: deprecated keywords already warned about in this load (dict.c warns
     * once per keyword); shared by the parsers of the main file and its conf.d drop-ins.
     */
    ConfigParser(RawConfig raw, String file, List<ConfigWarning> warnings, Set<String> deprecatedWarned) {
        this.raw = raw;
        this.file = file;
        this.warnings = warnings;
        this.deprecatedWarned = deprecatedWarned;
    }

    void parse(String text) throws ConfigException {
        stack.push(new Frame(Ctx.TOP, "", 0, null, new java.util.HashSet<>()));
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            // read_line: fgets(buf, MAXBUF=1024) reads at most 1023 chars; a longer line continues
            // as the next "line"; then strtok_r(buf, "\n\r") cuts at the first \n or \r after
            // any leading ones.
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? len : nl + 1;
            if (end - pos > MAXLINE) {
                end = pos + MAXLINE;
            }
            String chunk = text.substring(pos, end);
            pos = end;
            int nul = chunk.indexOf('\0');
            if (nul >= 0) {
                chunk = chunk.substring(0, nul); // the C string ends at a NUL byte
            }
            lineNr++;
            line(cutAtLineEnd(chunk));
        }
        if (!braces.isEmpty()) {
            Open open = braces.peek();
            throw new ConfigException(file, open.line(), "unbalanced braces: missing '}' for section '"
                    + open.name() + "'");
        }
        if (stack.size() > 1) {
            Frame open = stack.peek();
            warn("missing '}' at end of file for section '" + open.name() + "' opened on line " + open.line()
                    + " (a '}' that is not first on its line is ignored)");
        }
    }

    private static final int MAXLINE = 1023;

    private static String cutAtLineEnd(String chunk) {
        int i = 0;
        while (i < chunk.length() && (chunk.charAt(i) == '\n' || chunk.charAt(i) == '\r')) {
            i++;
        }
        for (int j = i; j < chunk.length(); j++) {
            if (chunk.charAt(j) == '\n' || chunk.charAt(j) == '\r') {
                return chunk.substring(0, j);
            }
        }
        return chunk;
    }

    private void warn(String msg) {
        warnings.add(new ConfigWarning(file, lineNr, msg));
    }

    /** A token as C prints it in messages: the quote marker is "\0\"", i.e. empty. */
    private static String show(Token t) {
        return t.quote() ? "" : t.text();
    }

    /** The structural checks on the text of one line (quotes, brace balance). */
    private void structure(List<Token> t) throws ConfigException {
        int quotes = 0;
        for (Token k : t) {
            if (k.quote()) {
                quotes++;
            } else if (k.text().equals("{")) {
                braces.push(new Open(lineNr, show(t.get(0))));
            } else if (k.text().equals("}")) {
                if (braces.isEmpty()) {
                    throw new ConfigException(file, lineNr, "unbalanced braces: unmatched '}'");
                }
                braces.pop();
            }
        }
        if (quotes % 2 != 0) {
            throw new ConfigException(file, lineNr, "missing closing quotes");
        }
    }

    private void line(String text) throws ConfigException {
        List<Token> t = Tokenizer.tokenize(text);
        if (t.isEmpty()) {
            return;
        }
        structure(t);
        Token first = t.get(0);
        Frame top = stack.peek();
        if (!first.quote() && first.text().equals("}")) {
            if (t.size() > 1) {
                warn("ignoring extra data starting with '" + show(t.get(1)) + "'");
            }
            if (stack.size() == 1) {
                // balanced text, but C already left every section (an unknown "name {" opened
                // nothing, or a '}' was extra data): C logs "unmatched '}'" and reads on.
                warn("unmatched '}' (an earlier unknown section or ignored '}' closed this level)");
                return;
            }
            stack.pop();
            return;
        }
        if (!first.quote() && first.text().equals("{")) {
            throw new ConfigException(file, lineNr, "invalid keyword '{'");
        }
        String kw = show(first);
        boolean brace = t.size() > 1 && !t.get(1).quote() && t.get(1).text().equals("{");
        Optional<Ctx> sub = first.quote() ? Optional.empty() : subsection(top.ctx(), kw);
        if (sub.isPresent()) {
            if (!brace) {
                throw new ConfigException(file, lineNr, t.size() > 1 ? "expecting '{' after '" + kw + "', found '"
                        + show(t.get(1)) + "'" : "missing '{' after '" + kw + "'");
            }
            if (t.size() > 2) {
                warn("ignoring extra data starting with '" + show(t.get(2)) + "'");
            }
            open(sub.get(), kw);
            return;
        }
        if (SUBLEVEL.contains(kw)) {
            // a section name that is not a section here: C checks its '{', then finds no keyword
            if (brace && t.size() > 2) {
                warn("ignoring extra data starting with '" + show(t.get(2)) + "'");
            }
            invalid(top, kw);
            return;
        }
        Optional<String> value = value(t, kw);
        if (value.isEmpty()) {
            return;
        }
        keyword(top, kw, value.get());
    }

    /** validate_config_strvec + set_value: the value, or empty (line skipped, warned). */
    private Optional<String> value(List<Token> t, String kw) throws ConfigException {
        if (t.size() == 1) {
            warn("missing value for option '" + kw + "'");
            return Optional.empty();
        }
        Token v = t.get(1);
        if (!v.quote()) {
            if (t.size() > 2) {
                warn("ignoring extra data starting with '" + show(t.get(2)) + "'");
            }
            return Optional.of(v.text());
        }
        // structure() has thrown for an odd number of quotes, so a closing quote follows
        Token s = t.get(2);
        if (s.quote()) {
            if (t.size() > 3) {
                warn("ignoring extra data starting with '" + show(t.get(3)) + "'");
            }
            return Optional.of("");
        }
        if (t.size() > 4) {
            warn("ignoring extra data starting with '" + show(t.get(4)) + "'");
        }
        return Optional.of(s.text());
    }

    private Optional<Ctx> subsection(Ctx ctx, String kw) {
        return Optional.ofNullable(switch (ctx) {
            case TOP -> switch (kw) {
                case "defaults" -> Ctx.DEFAULTS;
                case "blacklist" -> Ctx.BLACKLIST;
                case "blacklist_exceptions" -> Ctx.EXCEPTIONS;
                case "devices" -> Ctx.DEVICES;
                case "overrides" -> Ctx.OVERRIDES;
                case "multipaths" -> Ctx.MULTIPATHS;
                default -> null;
            };
            case BLACKLIST -> kw.equals("device") ? Ctx.BL_DEVICE : null;
            case EXCEPTIONS -> kw.equals("device") ? Ctx.EX_DEVICE : null;
            case DEVICES -> kw.equals("device") ? Ctx.DEVICE : null;
            case OVERRIDES -> kw.equals("protocol") ? Ctx.PROTOCOL : null;
            case MULTIPATHS -> kw.equals("multipath") ? Ctx.MULTIPATH : null;
            default -> null;
        });
    }

    private void open(Ctx ctx, String name) {
        Section target = switch (ctx) {
            case DEFAULTS -> raw.defaults;
            case DEVICE -> add(raw.hwtable);
            case BL_DEVICE -> add(raw.blacklistDevices);
            case EX_DEVICE -> add(raw.exceptionDevices);
            case OVERRIDES -> {
                if (raw.overrides == null) {
                    raw.overrides = new Section(file, lineNr);
                }
                yield raw.overrides;
            }
            case PROTOCOL -> add(raw.protocols);
            case MULTIPATH -> add(raw.multipaths);
            default -> null;
        };
        stack.push(new Frame(ctx, name, lineNr, target, new java.util.HashSet<>()));
    }

    private Section add(List<Section> list) {
        Section s = new Section(file, lineNr);
        list.add(s);
        return s;
    }

    private void keyword(Frame f, String kw, String value) throws ConfigException {
        switch (f.ctx()) {
            case BLACKLIST, EXCEPTIONS -> {
                if (BL_REGEX.contains(kw)) {
                    regexRule(f.ctx() == Ctx.BLACKLIST ? raw.blacklist : raw.exceptions, kw, value);
                } else {
                    invalid(f, kw);
                }
            }
            case BL_DEVICE, EX_DEVICE -> {
                if (kw.equals("vendor") || kw.equals("product")) {
                    unique(f, kw);
                    if (checkRegex(value)) {
                        f.target().values.put(kw, value);
                    }
                } else {
                    invalid(f, kw);
                }
            }
            case TOP, DEVICES, MULTIPATHS -> invalid(f, kw);
            default -> setting(f, kw, value);
        }
    }

    private void regexRule(List<String[]> list, String kw, String value) throws ConfigException {
        if (checkRegex(value)) {
            list.add(new String[] {kw, value});
        }
    }

    /** store_ble: a regex regcomp rejects fails the handler, which fails the whole config in C. */
    private boolean checkRegex(String value) throws ConfigException {
        try {
            BlacklistRule.of(value, true);
            return true;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, lineNr, "parsing failed: " + e.getMessage());
        }
    }

    private void setting(Frame f, String kw, String value) throws ConfigException {
        Scope scope = switch (f.ctx()) {
            case DEFAULTS -> Scope.DEFAULTS;
            case DEVICE -> Scope.DEVICE;
            case OVERRIDES -> Scope.OVERRIDES;
            case PROTOCOL -> Scope.PROTOCOL;
            default -> Scope.MULTIPATH;
        };
        Optional<Keyword> k = table.find(kw, scope);
        if (k.isEmpty()) {
            invalid(f, kw);
            return;
        }
        unique(f, kw);
        Keyword row = k.get();
        if (row.deprecation() != Keyword.Deprecation.NONE && deprecatedWarned.add(kw)) {
            warn(switch (row.deprecation()) {
                case IGNORED -> "ignoring deprecated option \"" + kw + "\"";
                case WARN -> "\"" + kw + "\" is deprecated and will be disabled in a future release";
                default -> Keywords.deprecationNote(kw);
            });
        }
        if (scope == Scope.DEVICE && kw.equals("product_blacklist")) {
            // becomes a default device blacklist rule; an invalid regex fails setup_default_blist
            checkRegex(value);
        }
        Parsed p = row.type().parse(kw, value);
        if (row.type() == Values.PRKEY && p.kind() == Parsed.Kind.KEEP) {
            throw new ConfigException(file, lineNr, "parsing failed: " + p.warning().orElse(kw));
        }
        p.warning().ifPresent(this::warn);
        if (kw.equals("polling_interval") && p.kind() == Parsed.Kind.KEEP && f.target().get(kw) == null) {
            // checkint_handler: the field starts as CHECKINT_UNDEF (UINT_MAX) and is decremented
            // even when the value was invalid, leaving 4294967294 (reproduced from 0.9.4).
            f.target().values.put(kw, Long.toString(Values.UINT_MAX - 1));
        }
        switch (p.kind()) {
            case SET -> f.target().values.put(row.field(), p.value());
            case UNSET -> f.target().values.remove(row.field());
            default -> { }
        }
        if (kw.equals("partition_delimiter") && "/UNSET/".equals(p.value())) {
            f.target().values.remove(row.field());
        }
    }

    private void unique(Frame f, String kw) {
        if (!f.seen().add(kw)) {
            warn("duplicate keyword: " + kw);
        }
    }

    private void invalid(Frame f, String kw) {
        warn(f.ctx() == Ctx.TOP ? "invalid keyword: " + kw : "invalid keyword in the " + f.name() + " section: " + kw);
    }
}
