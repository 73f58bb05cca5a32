# Sourced by bin/jmultipath and bin/jmultipathd (with $here = the install or checkout root):
# finds the jar (building it on first use), keeps its class-data archive, runs java.

jm_jar() {
  jar="${JMULTIPATH_JAR:-$here/daemon/target/jmultipath.jar}"
  if [ ! -f "$jar" ]; then
    echo "jmultipath: building $jar (first use) ..." >&2
    (cd "$here" && mvn -B -q -o -DskipTests -pl daemon -am package >&2 2>/dev/null) \
      || (cd "$here" && mvn -B -q -DskipTests -pl daemon -am package >&2)
  fi
  jar=$(readlink -f "$jar")   # the class-data archive records the class path: keep it absolute
}

# AppCDS: the classes a training run loads (io.jmultipath.daemon.cli.CdsTraining: the demo SAN, the
# daemon, a client, the one-shot tool) are archived next to the jar on first use, for this jar and
# this java and these JVM options; every later start maps them instead of loading and verifying them (about 40% faster to
# a running daemon, 30% for a one-shot command). JMULTIPATH_CDS=0 turns it off.
jm_cds() {
  cds=()
  [ "${JMULTIPATH_CDS:-1}" != 0 ] || return 0
  local java jdk id jsa key tmp
  java=$(readlink -f "$(command -v java)") || return 0
  jdk=$(dirname "$(dirname "$java")")
  # one archive per JVM and option set: the tool and the daemon run with different options, and an
  # archive is only usable with the options it was made with (one shared file would be remade on
  # every switch between them). A JDK update (its release file) or a new jar makes it again.
  id=$(printf '%s %s %s' "$java" "$(stat -Lc '%Y' "$jdk/release" 2>/dev/null)" "$*" | cksum | cut -d' ' -f1)
  jsa="${jar%.jar}-$id.jsa"
  key="$(stat -Lc '%s %Y' "$jar") $java $(stat -Lc '%Y' "$jdk/release" 2>/dev/null) $*"
  # made on first use, but never while systemd waits for the daemon to start (NOTIFY_SOCKET):
  # there it starts without the archive (dist/install.sh makes it at install time)
  if [ "$(cat "$jsa.key" 2>/dev/null)" != "$key" ] && [ -w "$(dirname "$jsa")" ] && [ -z "${NOTIFY_SOCKET:-}" ]; then
    tmp="$jsa.$$"
    [ ! -t 2 ] || echo "jmultipath: preparing the class-data archive $jsa (first use) ..." >&2
    if env -u NOTIFY_SOCKET -u WATCHDOG_USEC -u WATCHDOG_PID -u MULTIPATH_SOCKET_NAME timeout 300 \
        java "$@" -XX:ArchiveClassesAtExit="$tmp" -cp "$jar" io.jmultipath.daemon.cli.CdsTraining \
        >/dev/null 2>&1 && [ -s "$tmp" ]; then
      mv -f "$tmp" "$jsa" && printf '%s\n' "$key" > "$jsa.key"
    else
      rm -f "$tmp"
    fi
  fi
  if [ -f "$jsa" ] && [ "$(cat "$jsa.key" 2>/dev/null)" = "$key" ]; then
    cds=(-XX:SharedArchiveFile="$jsa")
  fi
}

jm_native_access() {
  local home ver
  home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  ver=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  if [ -n "$ver" ] && [ "$ver" -ge 22 ]; then echo "--enable-native-access=ALL-UNNAMED"; fi
}

# jm_run MAIN_CLASS DEFAULT_JAVA_OPTS ARGS...: JVM warnings go to stderr, never into the output
# scripts parse (the JVM's default is stdout).
jm_run() {
  local main=$1 opts=${JMULTIPATH_JAVA_OPTS:-$2}
  shift 2
  opts="$opts $(jm_native_access)"
  jm_jar
  # shellcheck disable=SC2086
  jm_cds $opts
  # shellcheck disable=SC2086
  # (CDS's own messages are off: an archive the JVM cannot use is simply not used)
  exec java $opts "${cds[@]}" -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -Djm.prog="$0" \
    -cp "$jar" "$main" "$@"
}
