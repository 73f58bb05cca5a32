#!/bin/bash
# Build a minimal busybox initramfs with the dm-multipath / SCSI / iSCSI / 9p / overlay modules.
# usage: KV=6.1.0-NN-amd64 build-initramfs.sh <init-script> <out.cpio.gz>
set -euo pipefail
. "$(dirname "$0")/common.sh"
KV=${KV:?KV}
KROOT=$W/kroot
R=$W/initrd-root
INIT=${1:?init script}; OUT=${2:?output}
MODS="dm-mod dm-multipath dm-round-robin dm-queue-length dm-service-time scsi_mod sd_mod sg scsi_debug
      scsi_dh_alua libiscsi libiscsi_tcp iscsi_tcp scsi_transport_iscsi
      9p 9pnet_virtio virtio_pci virtio_net virtio_blk overlay loop"
rm -rf "$R"; mkdir -p "$R"/{bin,sbin,dev,proc,sys,tmp,run,etc,mnt,newroot,lib/modules/$KV}
cp -L "$(command -v busybox)" "$R/bin/busybox"
for a in $("$R/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$R/bin/$a"; done
# kernel modules: dependency closure via the host's modprobe against the extracted kernel tree
for m in $MODS; do modprobe -d "$KROOT" -S "$KV" --show-depends "$m"; done \
  | awk '$1=="insmod"{print $2}' | sort -u | while read -r f; do
      rel=${f#$KROOT/}; mkdir -p "$R/$(dirname "$rel")"; cp "$f" "$R/$rel"; done
cp "$KROOT/lib/modules/$KV"/modules.{order,builtin,builtin.modinfo} "$R/lib/modules/$KV/"
depmod -b "$R" "$KV"
cp "$INIT" "$R/init"; chmod +x "$R/init"
(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) > "$OUT"
ls -la "$OUT" >&2
