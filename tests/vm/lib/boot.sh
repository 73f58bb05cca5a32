#!/bin/bash
# usage: boot.sh <share-dir>   -- boots the guest once; its stage 2 runs <share-dir>/cmd.sh and writes
# <share-dir>/rc. Console output goes to <share-dir>/console.log (and to stderr if VM_VERBOSE=1).
# Env: VM_MEM (MB, default 3072), VM_TIMEOUT (s, default 900), VM_SMP (default 2).
set -u
. "$(dirname "$0")/common.sh"
SHARE=${1:?share dir}
mkdir -p "$SHARE"; rm -f "$SHARE/rc"
K=$W/vmlinux; [ -f "$K" ] || K=$(ls "$W"/kroot/boot/vmlinuz-* | tail -1)
T=${VM_TIMEOUT:-900}
timeout -k 5 "$T" qemu-system-x86_64 -accel tcg,thread=multi -cpu max -m "${VM_MEM:-3072}" -smp "${VM_SMP:-2}" \
  -display none -monitor none -serial stdio -no-reboot -nic none \
  -kernel "$K" -initrd "$W/initrd-9p.cpio.gz" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$W/kroot/lib/modules",mount_tag=kmods,security_model=none,readonly=on \
  -virtfs local,path="$W/extra",mount_tag=extra,security_model=none,readonly=on \
  -virtfs local,path="$SHARE",mount_tag=share,security_model=none \
  -append "console=ttyS0 panic=-1 quiet loglevel=4 modprobe.blacklist=ata_piix,ata_generic,floppy stage2=$VM_HOME/guest/stage2.sh" \
  </dev/null 2>&1 | sed -u -e 's/\r$//' -e 's/\x1b[c\[][?0-9;]*[a-zA-Z]\?//g' \
  | if [ "${VM_VERBOSE:-0}" = 1 ]; then tee "$SHARE/console.log" >&2; else cat > "$SHARE/console.log"; fi
qrc=${PIPESTATUS[0]}
[ "$qrc" = 124 ] && echo "### VM TIMEOUT after ${T}s (killed)" >> "$SHARE/console.log"
[ -f "$SHARE/rc" ] && exit "$(cat "$SHARE/rc")"
echo "vm: no exit code from the guest (crashed or timed out, qemu rc=$qrc); console: $SHARE/console.log" >&2; exit 125
