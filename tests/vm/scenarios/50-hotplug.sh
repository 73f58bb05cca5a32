#!/bin/bash
# Scenario 3: hot-plug. With jmultipathd running over scsi_debug (LUN 0 through 2 hosts):
#  - a new LUN (max_luns 1 -> 2 + SCSI rescan of both hosts) gets its own map without a restart;
#  - a new host (add_host) adds a path to both maps;
#  - a deleted path (echo 1 > device/delete) leaves its map.
. "$VM_HOME/guest/lib.sh"
write_conf
check "scsi_debug 2 paths" scsi_debug_load 2
daemon_start
check "$DNAME created mpatha" wait_until 180 map_exists mpatha
S0=$(dm_maps | wc -l)
sec "new LUN at runtime"
echo 2 > /sys/bus/pseudo/drivers/scsi_debug/max_luns
S=$(up)
for h in 0 1; do echo "- - -" > /sys/class/scsi_host/host$h/scan; done
udevadm settle -t 20; ls /sys/block; wait_until 20 test "$(disks | wc -l)" -ge 4
check_eq "rescan found LUN 1 on both hosts" 4 "$(disks | wc -l)"
if wait_until 90 test "$(dm_maps | wc -l)" -ge 2; then pass "a map for the new LUN appeared without a restart"; metric new_lun_to_map_s "$(elapsed $S)"
else fail "no map for the new LUN within 90 s"; dump_state "new lun"; fi
NEW=$(dm_maps | grep -v '^mpatha$' | head -1)
L1=$(for d in $(disks); do case $(basename "$(readlink /sys/block/$d/device)") in *:*:*:1) echo $d;; esac; done)
for d in $L1; do check "new map $NEW holds $d" wait_until 60 map_has_path "$NEW" "$(devt $d)"; done
dump_state "two LUNs"
sec "new host at runtime (a third path to both LUNs)"
echo 1 > /sys/bus/pseudo/drivers/scsi_debug/add_host
udevadm settle -t 20; wait_until 30 test "$(disks | wc -l)" -ge 6
H2=$(ls /sys/bus/pseudo/drivers/scsi_debug/adapter*/ -d | tail -1); H2N=$(ls $H2 | grep -o 'host[0-9]*' | head -1); H2N=${H2N#host}
N0=$(sd_of_host $H2N); log "new host $H2N, LUN 0 path: $N0"
S=$(up)
if [ -n "$N0" ] && wait_until 90 map_has_path mpatha "$(devt $N0)"; then pass "new path $N0 added to mpatha"; metric new_path_to_map_s "$(elapsed $S)"
else fail "new path ${N0:-?} added to mpatha within 90 s"; dump_state "add_host"; fi
sec "path removal"
V=$(sd_of_host 1); DV=$(devt $V); log "deleting $V ($DV)"
S=$(up); echo 1 > /sys/block/$V/device/delete; udevadm settle -t 20
if wait_until 90 bash -c "! dmsetup table mpatha | grep -qw $DV"; then pass "removed path $V left mpatha"; metric removed_path_left_map_s "$(elapsed $S)"
else fail "removed path $V still in mpatha after 90 s"; fi
check "mpatha still exists with its other paths" map_exists mpatha
dump_state "end"
finish
