#!/bin/bash
# Harness smoke test: the guest has device-mapper with the multipath target, scsi_debug gives one LUN
# through two paths, a JVM runs, the guest tools are there, and Debian's multipathd (the reference)
# builds a map over the two paths.
. "$VM_HOME/guest/lib.sh"
sec "device-mapper"
dmsetup version; dmsetup targets
check "dm-multipath target registered" bash -c 'dmsetup targets | grep -q "^multipath"'
sec "scsi_debug 1 LUN x 2 paths"
check "scsi_debug loaded with 2 hosts" scsi_debug_load 2
A=$(sd_of_host 0); B=$(sd_of_host 1)
for d in $(disks); do echo "$d $(devt $d) wwid=$(cat /sys/block/$d/device/wwid) $(udevadm info -q property -n $d | grep ^ID_SERIAL=)"; done
check_eq "both paths have the same sysfs wwid" "$(cat /sys/block/$A/device/wwid)" "$(cat /sys/block/$B/device/wwid)"
check_match "udev ID_SERIAL of scsi_debug" '^ID_SERIAL=1Linux_scsi_debug' "$(udevadm info -q property -n $A | grep ^ID_SERIAL=)"
sec "guest tools"
for t in multipath multipathd tgtd tgtadm iscsiadm iscsid iptables sg_turs lsscsi java; do
  check "tool $t present" command -v $t; done
sec "java"
S=$(up); java -version 2>&1; metric java_version_s "$(elapsed $S)"
if [ -f "$JMULTIPATH_JAR" ]; then pass "jmultipath jar built on the host is visible"; else skip "no $JMULTIPATH_JAR (product scenarios will fail)"; fi
sec "Debian multipathd (reference)"
write_conf
S=$(up); mpd_start
check "multipathd creates mpatha" wait_until 30 map_exists mpatha
metric multipathd_map_ready_s "$(elapsed $S)"
multipath -ll
check_match "multipath -ll shows both paths" "$A .*active ready running" "$(multipath -ll)"
check_match "multipath -ll shows both paths" "$B .*active ready running" "$(multipath -ll)"
mpd_stop; flush_maps
check "maps flushed" no_maps
finish
