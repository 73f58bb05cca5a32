#!/bin/bash
# Guest PID 1 (host root via 9p + overlay + extra layer): basic mounts, loopback, dm/SCSI modules,
# udevd, then runs /mnt/share/cmd.sh (written by the host) and stores its exit code in /mnt/share/rc.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb
mkdir -p /dev/shm /dev/pts /run/lock /run/udev /var/lock /root
mount -t tmpfs tmpfs /dev/shm; mount -t devpts devpts /dev/pts
ln -sfn /proc/self/fd /dev/fd; ln -sf /proc/self/fd/0 /dev/stdin; ln -sf /proc/self/fd/1 /dev/stdout; ln -sf /proc/self/fd/2 /dev/stderr
ip link set lo up 2>/dev/null || busybox ip link set lo up
# a resolvable hostname (JUnit's XML reports and log4j ask for it)
hostname jmvm; echo '127.0.1.1 jmvm' >> /etc/hosts
. /mnt/share/env 2>/dev/null
for m in dm-mod dm-multipath dm-round-robin dm-queue-length dm-service-time scsi_mod sd_mod sg scsi_dh_alua; do
  modprobe $m || echo "modprobe $m FAILED"; done
# guest-private config: nothing from the host's /etc/multipath* leaks in
rm -rf /etc/multipath /etc/multipath.conf; mkdir -p /etc/multipath
if [ "${VM_UDEV:-1}" = 1 ] && [ -x /lib/systemd/systemd-udevd ]; then
  /lib/systemd/systemd-udevd --daemon --resolve-names=never
  udevadm trigger --action=add >/dev/null 2>&1; udevadm settle -t 20
fi
echo "=== T+$(cut -d' ' -f1 /proc/uptime)s guest ready ($(uname -r)), running /mnt/share/cmd.sh"
cd /root
bash /mnt/share/cmd.sh; rc=$?
echo "=== T+$(cut -d' ' -f1 /proc/uptime)s command exit code $rc"
sync; echo $rc > /mnt/share/rc; sync
echo o > /proc/sysrq-trigger; sleep 10
