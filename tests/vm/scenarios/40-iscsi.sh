#!/bin/bash
# Scenario 2: iSCSI. tgtd exports one LUN on portals 127.0.0.1 and 127.0.0.2, open-iscsi logs in twice,
# jmultipathd builds one map over both sessions; an iptables DROP on 127.0.0.2 fails that path, removing
# the rule brings it back.
. "$VM_HOME/guest/lib.sh"
write_conf "no_path_retry 12"
check "tgtd + open-iscsi: 2 sessions to one LUN" iscsi_setup
iscsi_disks
P1=$(iscsi_disk_of 127.0.0.1); P2=$(iscsi_disk_of 127.0.0.2); D1=$(devt $P1); D2=$(devt $P2)
log "paths: $P1=$D1 (127.0.0.1) $P2=$D2 (127.0.0.2), wwid $(cat /sys/block/$P1/device/wwid)"
log "recovery_tmo before the daemon: $(cat /sys/class/iscsi_session/session*/recovery_tmo | tr '\n' ' ')"
S=$(up); daemon_start
if ! wait_until 180 bash -c "test -n \"\$(dmsetup ls --target multipath | awk '{print \$1}' | grep -v '^No')\""; then
  fail "$DNAME created a map within 180 s"; dump_state "no map"; finish; fi
M=$(dm_maps | head -1); metric map_ready_s "$(elapsed $S)"
pass "$DNAME created map $M"
check "map $M holds both iSCSI paths" wait_until 60 bash -c "dmsetup table $M | grep -qw $D1 && dmsetup table $M | grep -qw $D2"
check "fast_io_fail_tmo 5 (default) became each iSCSI session's recovery_tmo" wait_until 30 bash -c \
  'for f in /sys/class/iscsi_session/session*/recovery_tmo; do [ "$(cat $f)" = 5 ] || exit 1; done'
check_match "map uuid is mpath-<wwid> of the tgt LUN" '^mpath-36' "$(dmsetup info -c --noheadings -o uuid $M)"
dump_state "both portals up"
sec "iptables DROP on 127.0.0.2:3260"
portal_drop 127.0.0.2; iptables -L INPUT -n
if wait_until 90 path_failed $M $D2; then pass "$P2 (127.0.0.2) failed after the DROP"; metric portal_drop_to_failed_s "$WAITED"
else fail "$P2 failed within 90 s of the DROP"; fi
check "$P1 (127.0.0.1) stays active" path_active $M $D1
check "I/O through the map works on the remaining path" dd if=/dev/mapper/$M of=/dev/null bs=1M count=8 iflag=direct status=none
dump_state "127.0.0.2 dropped"
sec "remove the DROP rule"
portal_restore
if wait_until 120 path_active $M $D2; then pass "$P2 reinstated after the rule was removed"; metric portal_restore_to_active_s "$WAITED"
else fail "$P2 reinstated within 120 s"; fi
dump_state "restored"
mpc show paths
finish
