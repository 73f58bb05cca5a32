#!/bin/bash
# Issue 7: Debian's multipathd client binary, on jmultipathd's socket, runs show paths / show maps /
# show topology / fail path / reinstate path / resize map and gets multipathd's kind of replies; jmultipathd's own
# one-shot client (`jmultipathd show paths`) and `show maps json` work too.
. "$VM_HOME/guest/lib.sh"
write_conf
check "scsi_debug 2 paths" scsi_debug_load 2
A=$(sd_of_host 0); B=$(sd_of_host 1); DB=$(devt $B)
daemon_start
check "$DNAME created mpatha" wait_until 180 map_exists mpatha
check "$DNAME answers on the multipathd socket" wait_until 60 bash -c "multipathd show daemon 2>/dev/null | grep -q ."
sec "show paths"
OUT=$(mpc show paths); echo "$OUT"
check_match "show paths header" '^hcil +dev +dev_t +pri +dm_st +chk_st +dev_st +next_check' "$OUT"
check_match "show paths lists $A" "^[0-9]+:0:0:0 +$A +[0-9]+:[0-9]+ +[0-9]+ +active +ready +running" "$OUT"
check_match "show paths lists $B" "^[0-9]+:0:0:0 +$B +[0-9]+:[0-9]+ +[0-9]+ +active +ready +running" "$OUT"
sec "show maps / topology / json"
OUT=$(mpc show maps); echo "$OUT"
check_match "show maps" '^mpatha +dm-[0-9]+ +1Linux_scsi_debug_2000' "$OUT"
OUT=$(mpc show topology); echo "$OUT"
check_match "show topology" '^(create: )?mpatha \(1Linux_scsi_debug_2000\) dm-[0-9]+ Linux,scsi_debug' "$OUT"
OUT=$(mpc show maps json); echo "$OUT" | head -30
check "show maps json is JSON" python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["maps"][0]["name"]=="mpatha"' <<< "$OUT"
sec "fail / reinstate path"
OUT=$(mpc fail path $B); echo "reply: $OUT"
check_eq "fail path $B replies ok" ok "$OUT"
check "$B failed in the kernel after 'fail path'" wait_until 10 path_failed mpatha $DB
OUT=$(mpc reinstate path $B); echo "reply: $OUT"
check_eq "reinstate path $B replies ok" ok "$OUT"
check "$B active in the kernel after 'reinstate path'" wait_until 10 path_active mpatha $DB
sec "error replies"
OUT=$(mpc show frobnicate); echo "reply: $OUT"
check "unknown command is refused (not ok)" test "$OUT" != ok
OUT=$(mpc fail path sdzz); echo "reply: $OUT"
check "fail path of an unknown device does not reply ok" test "$OUT" != ok
check "daemon still serving after bad commands" bash -c "multipathd show paths | grep -q $A"
sec "resize map (what CSI drivers run after growing a LUN)"
OLD=$(dmsetup table mpatha | awk '{print $2}')
echo 1 > /sys/bus/pseudo/drivers/scsi_debug/virtual_gb
for d in $A $B; do echo 1 > /sys/block/$d/device/rescan; done
udevadm settle -t 20
NEW=$(cat /sys/block/$A/size); log "map $OLD sectors, paths now $NEW / $(cat /sys/block/$B/size)"
check "the LUN grew" test "$NEW" -gt "$OLD"
sleep 3 # the rescan's change uevents reach the daemon
check_eq "a rescan alone does not resize the map" "$OLD" "$(dmsetup table mpatha | awk '{print $2}')"
OUT=$(mpc resize map mpatha); echo "reply: $OUT"
check_eq "resize map replies ok" ok "$OUT"
check "the map has the paths' new size" wait_until 20 bash -c "[ \"\$(dmsetup table mpatha | awk '{print \$2}')\" = $NEW ]"
check "I/O beyond the old end works" dd if=/dev/mapper/mpatha of=/dev/null bs=512 count=8 skip=$((NEW - 8)) iflag=direct status=none
sec "jmultipathd's own one-shot client"
if [ "$REF" = 1 ]; then OUT=$(multipathd show paths); else S=$(up); OUT=$(jmultipathd show paths 2>&1); metric jmultipathd_client_s "$(elapsed $S)"; fi
echo "$OUT"
check_match "jmultipathd show paths (Java client)" "$A .*ready" "$OUT"
finish
