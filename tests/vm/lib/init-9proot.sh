#!/bin/sh
# initramfs /init: the HOST root (9p, read-only) + the "extra" layer of guest-only tools (9p, read-only)
# become the lower layers of an overlay with a tmpfs upper layer; the unpacked kernel's modules are
# mounted on /lib/modules, the writable results dir on /mnt/share; then switch_root to the stage-2
# script given on the kernel command line as stage2=/path (a path in the host filesystem).
export PATH=/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
echo "=== T+$(cut -d' ' -f1 /proc/uptime)s initramfs"
for m in virtio_pci 9pnet_virtio 9p overlay; do modprobe $m || echo "modprobe $m FAILED"; done
STAGE2=/bin/sh
for a in $(cat /proc/cmdline); do case $a in stage2=*) STAGE2=${a#stage2=};; esac; done
O=trans=virtio,version=9p2000.L,msize=512000
mkdir -p /lower /rw /extra
# cache=loose: the lower layers are read-only and do not change under us -> much faster metadata
mount -t 9p -o $O,ro,cache=loose hostroot /lower || { echo "9p mount of the host root FAILED"; poweroff -f; }
mount -t tmpfs -o size=1536M,mode=0755 rw /rw; mkdir -p /rw/upper /rw/work
LOWER=/lower
if mount -t 9p -o $O,ro,cache=loose extra /extra 2>/dev/null; then LOWER=/extra:/lower; fi
mount -t overlay overlay -o lowerdir=$LOWER,upperdir=/rw/upper,workdir=/rw/work /newroot || { echo "overlay FAILED"; poweroff -f; }
mkdir -p /newroot/lib/modules; mount -t 9p -o $O,ro,cache=loose kmods /newroot/lib/modules || echo "kernel modules mount FAILED"
mkdir -p /newroot/mnt/share; mount -t 9p -o $O share /newroot/mnt/share || echo "share mount FAILED"
mount -t tmpfs tmpfs /newroot/run
mount --move /proc /newroot/proc; mount --move /sys /newroot/sys; mount --move /dev /newroot/dev
echo "=== T+$(cut -d' ' -f1 /newroot/proc/uptime)s switch_root -> $STAGE2"
exec switch_root /newroot $STAGE2
