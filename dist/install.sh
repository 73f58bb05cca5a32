#!/usr/bin/env bash
# Installs jmultipath as the host's multipath daemon:
#   /opt/jmultipath/jmultipath.jar, /usr/local/bin/jmultipath{,d}, /etc/systemd/system/jmultipathd.service
# usage: sudo dist/install.sh [--prefix DIR] [--no-build] [--uninstall]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
prefix=/opt/jmultipath bindir=/usr/local/bin unitdir=/etc/systemd/system build=1 uninstall=0
while [ $# -gt 0 ]; do case $1 in
  --prefix) prefix=$2; shift;; --no-build) build=0;; --uninstall) uninstall=1;;
  -h|--help) sed -n '2,4p' "$0"; exit 0;;
  *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2;; esac; shift; done
[ "$(id -u)" = 0 ] || { echo "install.sh: needs root" >&2; exit 1; }

if [ $uninstall = 1 ]; then
  systemctl disable --now jmultipathd.service 2>/dev/null || true
  rm -f "$bindir/jmultipath" "$bindir/jmultipathd" "$unitdir/jmultipathd.service"
  rm -rf "$prefix"
  systemctl daemon-reload 2>/dev/null || true
  echo "jmultipath removed (re-enable multipath-tools with: systemctl enable --now multipathd)"
  exit 0
fi

jar=$here/daemon/target/jmultipath.jar
if [ $build = 1 ]; then (cd "$here" && mvn -B -q -DskipTests -pl daemon -am package); fi
[ -f "$jar" ] || { echo "install.sh: $jar missing (build with: mvn -DskipTests -pl daemon -am package)" >&2; exit 1; }
install -d "$prefix/bin"
install -m 0644 "$jar" "$prefix/jmultipath.jar"
install -m 0644 "$here/bin/jmultipath-launcher.sh" "$prefix/bin/jmultipath-launcher.sh"
for t in jmultipath jmultipathd; do
  install -m 0755 "$here/bin/$t" "$prefix/bin/$t"
  # the launchers look for the jar through JMULTIPATH_JAR
  printf '#!/bin/sh\nJMULTIPATH_JAR=%s/jmultipath.jar exec %s/bin/%s "$@"\n' "$prefix" "$prefix" "$t" > "$bindir/$t"
  chmod 0755 "$bindir/$t"
done
install -m 0644 "$here/dist/systemd/jmultipathd.service" "$unitdir/jmultipathd.service"
# first use makes each launcher's class-data archive next to the jar (the daemon's with the unit's
# JVM options: under systemd it never makes one itself)
"$bindir/jmultipath" -h >/dev/null
unit_opts=$(sed -n 's/^Environment=JMULTIPATH_JAVA_OPTS="\(.*\)"$/\1/p' "$unitdir/jmultipathd.service")
JMULTIPATH_JAVA_OPTS="$unit_opts" "$bindir/jmultipathd" -h >/dev/null
systemctl daemon-reload 2>/dev/null || true
cat <<EOF
jmultipath installed in $prefix ($bindir/jmultipath, $bindir/jmultipathd, $unitdir/jmultipathd.service).
Switch the host over from multipath-tools' daemon:
  systemctl disable --now multipathd.service multipathd.socket
  systemctl enable --now jmultipathd.service
  jmultipathd show topology
EOF
