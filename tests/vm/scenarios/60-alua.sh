#!/bin/bash
# Scenario 4: ALUA. scsi_debug with 3 hosts: ALUA state = host number mod 3 (0 active/optimized,
# 1 active/non-optimized, 2 standby). The daemon gives path groups with priorities 50 / 10 / 1, and
# I/O through the map goes only to the optimized path.
. "$VM_HOME/guest/lib.sh"
write_conf
check "scsi_debug 3 paths" scsi_debug_load 3
O=$(sd_of_host 0); N=$(sd_of_host 1); SB=$(sd_of_host 2)
for d in $O $N $SB; do log "$d $(devt $d) access_state=$(cat /sys/block/$d/device/access_state 2>/dev/null)"; done
daemon_start
check "$DNAME created mpatha" wait_until 180 map_exists mpatha
check "mpatha holds the three paths" wait_until 60 bash -c "dmsetup table mpatha | grep -qw $(devt $O) && dmsetup table mpatha | grep -qw $(devt $N) && dmsetup table mpatha | grep -qw $(devt $SB)"
TABLE=$(dmsetup table mpatha); log "table: $TABLE"
check_match "hardware handler is alua" ' 1 alua ' "$TABLE"
# the daemon's own view, through the multipathd socket
wait_until 30 bash -c "multipathd show topology 2>/dev/null | grep -q 'prio='"
TOPO=$(mpc show topology); echo "$TOPO"; printf '%s\n' "$TOPO" > $R/show-topology.txt
PRIOS=$(printf '%s\n' "$TOPO" | grep -oE 'prio=[0-9]+' | cut -d= -f2 | tr '\n' ' ' | sed 's/ $//')
check_match "path groups with priorities 50, 10, 1 (or 50, 10+1 grouped)" '^50 10 1$|^50 10$' "$PRIOS"
first_group_paths=$(printf '%s\n' "$TOPO" | awk '/policy=/{g++} g==1 && /[0-9]+:[0-9]+:[0-9]+:[0-9]+/' )
check_match "the prio-50 group is the optimized path $O" " $O " "$first_group_paths"
check_eq "the optimized path group is the first group in the table" "$(devt $O)" "$(echo "$TABLE" | table_first_path)"
sec "I/O only on the optimized group"
c0=$(io_counter $O); c1=$(io_counter $N); c2=$(io_counter $SB)
dd if=/dev/mapper/mpatha of=/dev/null bs=64k count=256 iflag=direct status=none
dd if=/dev/zero of=/dev/mapper/mpatha bs=64k count=64 oflag=direct status=none
d0=$(( $(io_counter $O) - c0 )); d1=$(( $(io_counter $N) - c1 )); d2=$(( $(io_counter $SB) - c2 ))
log "I/Os: optimized $O +$d0, non-optimized $N +$d1, standby $SB +$d2"
metric io_optimized "$d0"; metric io_nonoptimized "$d1"; metric io_standby "$d2"
check "I/O went to the optimized path" test "$d0" -ge 100
check "no data I/O on the non-optimized / standby paths (checker I/Os only)" test "$d1" -le 20 -a "$d2" -le 20
# after I/O the kernel has the first (optimized) group active; the daemon's view follows within a few ticks
check_match "kernel: first path group active after I/O" '^0 [0-9]+ multipath [0-9]+ [0-9]+ [0-9]+ [0-9]+ [0-9]+ [0-9]+ A ' "$(dmsetup status mpatha)"
check "daemon: the prio-50 group is active after I/O" wait_until 30 bash -c "multipathd show topology 2>/dev/null | grep -q 'prio=50 status=active'"
mpc show topology
finish
