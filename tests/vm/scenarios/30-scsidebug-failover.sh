#!/bin/bash
# Scenario 1 (issue 8) + issue 7: scsi_debug 1 LUN x 2 paths. jmultipathd creates the map through real
# ioctls; dmsetup table/status agree with `jmultipath -ll`; a verifying dd + sha256 job runs through
# /dev/mapper/mpatha while the path carrying the I/O goes offline and comes back: no I/O error, data
# verified, the path is failed and reinstated by the daemon.
. "$VM_HOME/guest/lib.sh"
write_conf "no_path_retry 12"
check "scsi_debug 2 paths" scsi_debug_load 2
A=$(sd_of_host 0); B=$(sd_of_host 1); DA=$(devt $A); DB=$(devt $B)
log "paths: $A=$DA $B=$DB"

sec "jmultipathd start"
S=$(up); daemon_start
if ! wait_until 180 map_exists mpatha; then fail "$DNAME created mpatha within 180 s"; dump_state "no map"; finish; fi
pass "$DNAME created mpatha through the kernel"; metric jmultipathd_map_ready_s "$(elapsed $S)"
check "map mpatha holds both paths" wait_until 60 bash -c "dmsetup table mpatha | grep -qw $DA && dmsetup table mpatha | grep -qw $DB"
udevadm settle -t 20
[ -b /dev/mapper/mpatha ] || { log "no /dev/mapper/mpatha from udev: creating it"; dmsetup mknodes mpatha; }
check "/dev/mapper/mpatha is a block device" test -b /dev/mapper/mpatha
check_eq "map uuid is mpath-<wwid>" "mpath-1Linux_scsi_debug_2000" "$(dmsetup info -c --noheadings -o uuid mpatha)"
TABLE=$(dmsetup table mpatha); STATUS=$(dmsetup status mpatha)
log "table:  $TABLE"; log "status: $STATUS"
check_match "table is a multipath table over both paths" "^0 32768 multipath .*$DA.*$DB|^0 32768 multipath .*$DB.*$DA" "$TABLE"

sec "jmultipath -ll vs dmsetup"
S=$(up); LL=$(jmp -ll 2>>$R/tool-stderr.log); metric jmultipath_ll_s "$(elapsed $S)"; echo "$LL"
printf '%s\n' "$LL" > $R/jmultipath-ll.txt
check_match "-ll names the map with its wwid" '^mpatha \(1Linux_scsi_debug_2000\) dm-[0-9]+ Linux,scsi_debug' "$LL"
NG=$(echo "$TABLE" | table_ngroups)
check_eq "-ll shows as many path groups as the table" "$NG" "$(printf '%s\n' "$LL" | grep -c 'policy=')"
check_match "-ll policy is the table's selector" "policy='$(echo "$TABLE" | grep -oE '(service-time|round-robin|queue-length) [0-9]+' | head -1)'" "$LL"
for p in "$A $DA" "$B $DB"; do set -- $p
  st=$(path_state mpatha $2); want=$([ "$st" = A ] && echo active || echo failed)
  check_match "-ll path $1 ($2) is $want like dm status" "[0-9]+:[0-9]+:[0-9]+:[0-9]+ $1 +$2 +$want" "$LL"; done
check_match "-ll features match the table" "features='$(echo "$TABLE" | awk '{n=$4; s=$4; for(i=5;i<5+n;i++) s=s" "$i; print s}')'" "$LL"

sec "daemon view (Debian multipathd client on jmultipathd's socket)"
mpc show paths | tee $R/show-paths-1.txt
check_match "show paths lists $A ready" "$A .*ready" "$(cat $R/show-paths-1.txt)"

sec "verifying I/O while $A goes offline and back"
ACTIVE=$A; DACT=$DA
dd if=/dev/urandom of=/tmp/pat0 bs=1M count=4 2>/dev/null; dd if=/dev/urandom of=/tmp/pat1 bs=1M count=4 2>/dev/null
SUM0=$(sha256sum < /tmp/pat0); SUM1=$(sha256sum < /tmp/pat1)
io_job() { # write a pattern, read it back, compare; alternate patterns; count errors
  local i=0 err=0 p sum
  while [ ! -e /tmp/io.stop ]; do
    p=/tmp/pat$((i % 2)); if [ $((i % 2)) = 0 ]; then sum=$SUM0; else sum=$SUM1; fi
    if ! dd if=$p of=/dev/mapper/mpatha bs=1M oflag=direct conv=fsync status=none; then err=$((err+1)); echo "iter $i WRITE ERROR"; fi
    if [ "$(dd if=/dev/mapper/mpatha bs=1M count=4 iflag=direct status=none | sha256sum)" != "$sum" ]; then err=$((err+1)); echo "iter $i VERIFY/READ ERROR"; fi
    i=$((i+1)); echo "$i $err" > /tmp/io.count
  done; echo "done: $i iterations, $err errors"
}
rm -f /tmp/io.stop /tmp/io.count; io_job > $R/io.log 2>&1 & IOPID=$!
io_iters() { cut -d' ' -f1 /tmp/io.count 2>/dev/null || echo 0; }
io_at_least() { [ "$(io_iters)" -ge "$1" ]; }
wait_until 60 io_at_least 2; log "I/O running: $(io_iters) iterations"
R0=$(io_counter $A); S=$(up)
echo offline > /sys/block/$A/device/state; log "$A offline"
if wait_until 60 path_failed mpatha $DA; then pass "$A failed in the map after offline"; metric path_failed_s "$WAITED"
else fail "$A failed in the map within 60 s"; dump_state "offline"; fi
check "daemon shows $A failed/faulty" wait_until 30 bash -c "multipathd show paths 2>/dev/null | grep -E '^.* $A ' | grep -qE 'failed|faulty'"
mpc show paths
N=$(io_iters); check "I/O continues on $B while $A is offline" wait_until 90 io_at_least $((N + 3))
echo running > /sys/block/$A/device/state; log "$A running"
if wait_until 60 path_active mpatha $DA; then pass "$A reinstated by the daemon"; metric path_reinstated_s "$WAITED"
else fail "$A reinstated within 60 s"; dump_state "running"; fi
mpc show paths
N=$(io_iters); wait_until 60 io_at_least $((N + 2))
touch /tmp/io.stop; wait $IOPID; cat $R/io.log | tail -3
read IT ER < /tmp/io.count
metric io_iterations "$IT"
check_eq "no I/O error, every read-back verified ($IT iterations)" 0 "$ER"
dump_state "end"
check_match "daemon logged the failure and the reinstatement" "$A" "$(grep -iE 'fail|reinstat|faulty|down' $DAEMON_LOG | head -20)"
finish
