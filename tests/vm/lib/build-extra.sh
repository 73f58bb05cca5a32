#!/bin/bash
# Unpack the guest-only .debs ($VM_WORK/debs/guest, NOT installed on the host) into $VM_WORK/extra,
# merged-/usr layout, stacked in the guest as the top read-only overlay layer above the 9p host root.
set -euo pipefail
. "$(dirname "$0")/common.sh"
X=$W/extra
rm -rf "$X"; mkdir -p "$X"
for d in "$W"/debs/guest/*.deb; do dpkg -x "$d" "$X"; done
# merged /usr: the host has /bin,/sbin,/lib -> usr/...; a real dir in an upper layer would hide those symlinks
for d in bin sbin lib lib64; do
  if [ -d "$X/$d" ] && [ ! -L "$X/$d" ]; then mkdir -p "$X/usr/$d"; cp -a "$X/$d/." "$X/usr/$d/"; rm -rf "$X/$d"; fi
done
rm -rf "$X/usr/share/doc" "$X/usr/share/man" "$X/usr/share/locale"
# iptables alternatives (normally update-alternatives in postinst)
if [ -e "$X/usr/sbin/xtables-legacy-multi" ]; then
  ln -sf xtables-legacy-multi "$X/usr/sbin/iptables"; ln -sf xtables-legacy-multi "$X/usr/sbin/iptables-legacy"
  ln -sf xtables-nft-multi "$X/usr/sbin/iptables-nft"
fi
mkdir -p "$X/etc/iscsi"; echo "InitiatorName=iqn.1993-08.org.debian:01:jmvm" > "$X/etc/iscsi/initiatorname.iscsi"
# the guest must not inherit a multipath.conf / bindings from the host (scenarios write their own)
mkdir -p "$X/etc/multipath"
# self-check: every guest binary finds its shared libraries (extra layer first, then the host)
LP=$X/usr/lib/x86_64-linux-gnu:$X/usr/lib/x86_64-linux-gnu/multipath:$X/usr/lib
missing=$(for f in "$X"/usr/sbin/* "$X"/usr/bin/*; do
  [ -f "$f" ] && file -L "$f" 2>/dev/null | grep -q ELF || continue
  LD_LIBRARY_PATH=$LP ldd "$f" 2>/dev/null | awk -v f="${f##*/}" '/not found/{print f": "$1}'; done | sort -u)
[ -z "$missing" ] || { echo "guest tools miss shared libraries:"; echo "$missing"; exit 1; } >&2
du -sh "$X"
