#!/bin/bash
# Scenario 5: the same devices (scsi_debug, one LUN through 3 ALUA hosts) under Debian's multipathd and
# under jmultipathd: same map names, groups and path states; time from daemon start to map ready, from
# path loss (an idle path set offline) to path failed, and from path return to reinstated, as a table.
. "$VM_HOME/guest/lib.sh"
check "scsi_debug 3 paths" scsi_debug_load 3
O=$(sd_of_host 0); V=$(sd_of_host 1); DV=$(devt $V)
all3() { dmsetup table mpatha 2>/dev/null | awk '{for(i=1;i<=NF;i++) if ($i ~ /^[0-9]+:[0-9]+$/) n++} END {exit !(n==3)}'; }
# show paths projection by column name: dev pri dm_st chk_st dev_st
paths_project() { awk 'NR==1 { for (i=1;i<=NF;i++) c[$i]=i; next } NF { print $c["dev"], $c["pri"], $c["dm_st"], $c["chk_st"], $c["dev_st"] }' | sort; }
declare -A T_READY T_FAIL T_BACK NAMES TOPO PATHS KSTATUS UDEVP
run_daemon() { # run_daemon multipathd|jmultipathd
  local d=$1
  sec "==== $d"
  check "$d: no maps left before the start" flush_maps; write_conf
  local S=$(up)
  if [ $d = multipathd ] || [ "$REF" = 1 ]; then mpd_start; else jmd_start; fi
  if wait_until 180 all3; then T_READY[$d]=$(elapsed $S); pass "$d: mpatha with 3 paths"; else T_READY[$d]=timeout; fail "$d: mpatha with 3 paths within 180 s"; fi
  wait_until 60 bash -c "multipathd show paths 2>/dev/null | grep -c ready | grep -q 3"
  NAMES[$d]=$(dm_maps | sort | tr '\n' ' ')
  TOPO[$d]=$(multipathd show topology 2>&1); PATHS[$d]=$(multipathd show paths 2>&1 | paths_project)
  KSTATUS[$d]=$(dmsetup status mpatha)
  udevadm settle -t 10
  UDEVP[$d]=$(udevadm info -q property -n /dev/mapper/mpatha 2>/dev/null | grep -E '^DM_UDEV_(PRIMARY_SOURCE|DISABLE_[A-Z]+_RULES)_FLAG=' | sort | tr '\n' ' ')
  echo "${TOPO[$d]}"; echo "${PATHS[$d]}"; log "map ready after ${T_READY[$d]} s; kernel status: ${KSTATUS[$d]}"
  S=$(up); echo offline > /sys/block/$V/device/state
  if wait_until 60 path_failed mpatha $DV; then T_FAIL[$d]=$WAITED; pass "$d: idle path $V failed after offline"; else T_FAIL[$d]=timeout; fail "$d: $V failed within 60 s"; fi
  echo running > /sys/block/$V/device/state
  if wait_until 60 path_active mpatha $DV; then T_BACK[$d]=$WAITED; pass "$d: $V reinstated"; else T_BACK[$d]=timeout; fail "$d: $V reinstated within 60 s"; fi
  if [ $d = multipathd ] || [ "$REF" = 1 ]; then mpd_stop; else jmd_stop; fi
}
run_daemon multipathd
run_daemon jmultipathd
sec "comparison"
check_eq "same map names" "${NAMES[multipathd]}" "${NAMES[jmultipathd]}"
# multipath-tools sends a udev cookie with DM_UDEV_PRIMARY_SOURCE_FLAG, so udev runs the full dm rules
# (blkid probe -> first I/O -> group active, by-id links, LVM/filesystem scanning on top of the map)
check_eq "udev flags of the new map (DM_UDEV_*_FLAG in the udev db)" "${UDEVP[multipathd]}" "${UDEVP[jmultipathd]}"
# group status comes from the kernel: a group turns active with the first I/O (udev's blkid probe of the new map)
log "kernel status under multipathd:  ${KSTATUS[multipathd]}"
log "kernel status under jmultipathd: ${KSTATUS[jmultipathd]}"
compare_topology "show topology: jmultipathd vs multipathd" "${TOPO[multipathd]}" "${TOPO[jmultipathd]}"
check_eq "show paths (dev pri dm_st chk_st dev_st): jmultipathd vs multipathd" "${PATHS[multipathd]}" "${PATHS[jmultipathd]}"
{
  printf "%-40s %12s %12s\n" "scsi_debug 1 LUN x 3 ALUA paths" multipathd jmultipathd
  printf '%-40s %12s %12s\n' "daemon start -> map ready (s)" "${T_READY[multipathd]}" "${T_READY[jmultipathd]}"
  printf '%-40s %12s %12s\n' "idle path offline -> failed (s)" "${T_FAIL[multipathd]}" "${T_FAIL[jmultipathd]}"
  printf '%-40s %12s %12s\n' "path running -> reinstated (s)" "${T_BACK[multipathd]}" "${T_BACK[jmultipathd]}"
  printf '%-40s %12s %12s\n' "map names" "${NAMES[multipathd]}" "${NAMES[jmultipathd]}"
  printf '%-40s %12s %12s\n' "(polling_interval 2, guest under TCG)" "" ""
} | tee $R/table.txt
finish
