#!/bin/bash
# Host preparation for the VM suite. Idempotent; everything lands in $VM_WORK (default /tmp/jmvm) and
# is cached between runs. Host packages installed with apt-get: qemu-system-x86 busybox-static kmod
# cpio bc python3 (only if missing). The guest kernel (Debian linux-image-6.1.0-*-amd64) and the
# guest-only tools are `apt-get download`ed and unpacked with `dpkg -x` -- never installed on the host.
set -euo pipefail
. "$(dirname "$0")/common.sh"
export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_update() { [ $APT_UPDATED = 1 ] || { log "apt-get update"; apt-get update -qq; APT_UPDATED=1; }; }

# 1. host tools
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
file -L "$(command -v busybox 2>/dev/null || echo /nonexistent)" 2>/dev/null | grep -q 'statically linked' || need+=(busybox-static)
command -v depmod >/dev/null || need+=(kmod)
command -v cpio >/dev/null || need+=(cpio)
command -v bc >/dev/null || need+=(bc)
command -v python3 >/dev/null || need+=(python3)
command -v file >/dev/null || need+=(file)
if [ ${#need[@]} -gt 0 ]; then apt_update; log "apt-get install ${need[*]}"; apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; fi

# 2. guest kernel: Debian's linux-image-amd64 -> linux-image-6.1.0-NN-amd64 (override with VM_KPKG)
KPKG=${VM_KPKG:-$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/{print $2; exit}')}
[ -n "$KPKG" ] || { apt_update; KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}'); }
[ -n "$KPKG" ] || die "cannot find Debian's linux-image-amd64 kernel package (apt sources?)"
KV=${KPKG#linux-image-}
mkdir -p "$W/debs/guest"
cd "$W/debs"
ls ${KPKG}_*.deb >/dev/null 2>&1 || { log "apt-get download $KPKG"; apt-get download "$KPKG" >/dev/null 2>&1 || { apt_update; apt-get download "$KPKG"; }; }
KDEB=$(ls ${KPKG}_*.deb | tail -1)
if [ "$(cat "$W/kroot.stamp" 2>/dev/null)" != "$KDEB" ] || [ ! -f "$W/vmlinux" ]; then
  log "unpacking $KDEB"
  rm -rf "$W/kroot"; mkdir -p "$W/kroot"
  dpkg -x "$KDEB" "$W/kroot"
  depmod -b "$W/kroot" "$KV"
  python3 "$VM_HOME/lib/extract-vmlinux.py" "$W/kroot/boot/vmlinuz-$KV" "$W/vmlinux"
  echo "$KDEB" > "$W/kroot.stamp"
fi
echo "$KV" > "$W/kernel-version"

# 3. guest-only tools: the dependency closure of these packages minus what the host already has
#    (the host root is the guest's lower layer). udev is pinned to the host's libsystemd-shared.
GUEST_PKGS="udev kpartx multipath-tools sg3-utils sg3-utils-udev dmsetup open-iscsi tgt iptables lsscsi"
SKIP_RE='^(systemd|systemd-sysv|init-system-helpers|debconf|cdebconf|lsb-base|adduser|dpkg|perl|perl-base|python3.*|initramfs-tools.*|dracut.*|tiny-initramfs.*|usrmerge|install-info|libc6|libgcc-s1|mount|util-linux)$'
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
pkglist=$W/debs/guest-packages.txt
if [ ! -s "$pkglist" ] || [ "$(head -1 "$pkglist")" != "# $GUEST_PKGS" ]; then
  apt-cache show multipath-tools >/dev/null 2>&1 || apt_update
  declare -A seen=(); queue=($GUEST_PKGS); out=()
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}; queue=("${queue[@]:1}"); p=${p%:any}
    [ -z "${seen[$p]:-}" ] || continue; seen[$p]=1
    [[ $p =~ $SKIP_RE ]] && continue
    installed "$p" && continue
    out+=("$p")
    # first alternative of each dependency group; skip virtual packages (<...>)
    while read -r d; do queue+=("$d"); done < <(apt-cache depends --no-recommends --no-suggests --no-conflicts \
        --no-breaks --no-replaces --no-enhances "$p" 2>/dev/null | awk '
        /^ *\|?(Pre)?Depends:/ { alt = ($1 ~ /^\|/); name=$2; if (!inalt && name !~ /^</) print name; inalt = alt }')
  done
  { echo "# $GUEST_PKGS"; printf '%s\n' "${out[@]}"; } > "$pkglist"
fi
SDV=$(dpkg-query -W -f='${Version}' libsystemd-shared 2>/dev/null || true)
cd "$W/debs/guest"
for p in $(grep -v '^#' "$pkglist"); do
  ls "${p}"_*.deb >/dev/null 2>&1 && continue
  spec=$p; [ "$p" = udev ] && [ -n "$SDV" ] && spec="udev=$SDV"
  log "apt-get download $spec"
  apt-get download "$spec" >/dev/null 2>&1 || { apt_update; apt-get download "$spec"; }
done
# 4. the extra layer (rebuilt when the .deb set or build-extra.sh changes)
sum=$( (ls "$W/debs/guest"/*.deb; cat "$VM_HOME/lib/build-extra.sh") | sha1sum | cut -c1-12)
if [ "$(cat "$W/extra.stamp" 2>/dev/null)" != "$sum" ]; then
  bash "$VM_HOME/lib/build-extra.sh"; echo "$sum" > "$W/extra.stamp"
fi
# 5. initramfs (busybox + kernel modules), rebuilt when its inputs change
sum=$( (echo "$KV"; cat "$VM_HOME/lib/build-initramfs.sh" "$VM_HOME/lib/init-9proot.sh") | sha1sum | cut -c1-12)
if [ "$(cat "$W/initrd.stamp" 2>/dev/null)" != "$sum" ] || [ ! -f "$W/initrd-9p.cpio.gz" ]; then
  KV=$KV bash "$VM_HOME/lib/build-initramfs.sh" "$VM_HOME/lib/init-9proot.sh" "$W/initrd-9p.cpio.gz"
  echo "$sum" > "$W/initrd.stamp"
fi
log "setup done: kernel $KV, guest packages: $(grep -vc '^#' "$pkglist") ($(grep -v '^#' "$pkglist" | tr '\n' ' '))"
