/**
 * jmultipath config engine: multipath.conf parsing, keyword table, built-in hardware table,
 * attribute resolution with origins, blacklist, and the `multipath -t` printer, matching
 * multipath-tools 0.9.4 (Debian 12).
 *
 * <p>Entry points: {@link io.jmultipath.config.ConfigLoader#load} / {@link io.jmultipath.config.ConfigLoader#parse}
 * produce a {@link io.jmultipath.config.LoadResult} (immutable {@link io.jmultipath.config.Config} + warnings);
 * {@link io.jmultipath.config.Config#resolve} gives a {@link io.jmultipath.config.Resolution} per path;
 * {@link io.jmultipath.config.Config#blacklist} the {@link io.jmultipath.config.Blacklist};
 * {@link io.jmultipath.config.Config#showConfig} the exact `multipath -t` text,
 * {@link io.jmultipath.config.Config#showConfigLocal} the `multipath -T` text and
 * {@link io.jmultipath.config.Config#showConfigDaemon} multipathd's `show config`.
 *
 * <p>Internals: {@code Tokenizer} (parser.c alloc_strvec), {@code ConfigParser} (line rules, sections),
 * {@code Keywords} (THE keyword table: one row per keyword), {@code Values} (dict.c value types),
 * {@code ConfigAssembler} (factorize_hwtable, merge_mptable, pctable, defaults), {@code BlacklistBuilder},
 * {@code Resolver} (propsel.c), {@code ConfigPrinter} (print.c), {@link io.jmultipath.config.PosixRegex}
 * (POSIX ERE to java.util.regex).
 */
package io.jmultipath.config;
