#!/bin/bash
# Issue 6: on the same devices (scsi_debug 2 paths + iSCSI 2 portals), Debian's `multipath -v2` and
# `jmultipath -v2 --dm kernel` create the same maps (names, tables), and `jmultipath -ll` matches
# Debian's `multipath -ll` in names, groups, paths and states. `jmultipath -F` flushes them.
. "$VM_HOME/guest/lib.sh"
write_conf
check "scsi_debug 2 paths" scsi_debug_load 2
check "iSCSI 2 sessions" iscsi_setup
disks
sec "reference: Debian multipath -v2 / -ll"
multipath -v2; udevadm settle -t 20
REF_NAMES=$(dm_maps | sort | tr '\n' ' '); log "reference maps: $REF_NAMES"
check "Debian multipath created 2 maps" test "$(dm_maps | wc -l)" = 2
declare -A REF_TABLE; for m in $(dm_maps); do REF_TABLE[$m]=$(dmsetup table $m); echo "$m: ${REF_TABLE[$m]}"; done
REF_LL=$(multipath -ll); echo "$REF_LL"; printf '%s\n' "$REF_LL" > $R/multipath-ll.txt
sec "jmultipath -t / -T vs multipath -t / -T (issue 2; maps present, device entries for these LUNs)"
W1=$(dmsetup info -c --noheadings -o uuid "$(dm_maps | head -1)" | sed 's/^mpath-//')
cat >> /etc/multipath.conf <<CONF
devices {
    device {
        vendor "Linux"
        product "scsi_debug"
        no_path_retry 3
    }
    device {
        vendor "IET"
        product ".*"
        prio const
    }
    device {
        vendor "NOSUCH"
        product "LUN"
    }
}
multipaths {
    multipath {
        wwid "$W1"
        no_path_retry 5
    }
    multipath {
        wwid "3600000000000000000000000000absent"
        alias absent
    }
}
CONF
same_text() { # same_text DESC REFERENCE OURS
  if [ -n "$2" ] && [ "$2" == "$3" ]; then pass "$1"
  else fail "$1: differs:
$(diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -40)"; fi; }
REF_t=$(multipath -t 2>>$R/tool-stderr.log); printf '%s\n' "$REF_t" > $R/multipath-t.txt
JM_t=$(jmp -t 2>>$R/tool-stderr.log); printf '%s\n' "$JM_t" > $R/jmultipath-t.txt
same_text "jmultipath -t identical to multipath -t" "$REF_t" "$JM_t"
REF_T=$(multipath -T 2>>$R/tool-stderr.log); printf '%s\n' "$REF_T" > $R/multipath-T.txt
S=$(up); JM_T=$(jmp -T 2>>$R/tool-stderr.log); metric jmultipath_T_s "$(elapsed $S)"; printf '%s\n' "$JM_T" > $R/jmultipath-T.txt
sed -n '/^devices {/,$p' $R/multipath-T.txt
same_text "jmultipath -T identical to multipath -T" "$REF_T" "$JM_T"
multipath -F; udevadm settle -t 20
check "reference maps flushed" no_maps
write_conf    # fresh bindings: jmultipath must allocate the names itself
sec "jmultipath -v2 --dm kernel"
S=$(up); OUT=$(jmp -v2 2>&1); rc=$?; metric jmultipath_v2_s "$(elapsed $S)"; echo "$OUT"
check_eq "jmultipath -v2 exit code" 0 "$rc"
udevadm settle -t 20
check_eq "same map names" "$REF_NAMES" "$(dm_maps | sort | tr '\n' ' ')"
check_match "-v2 prints create: lines" '^create: mpath[a-z]+ \(' "$OUT"
for m in $(dm_maps); do
  check_eq "kernel table of $m identical to multipath's" "${REF_TABLE[$m]:-<no reference map $m>}" "$(dmsetup table $m)"; done
sec "jmultipath -ll vs multipath -ll"
S=$(up); LL=$(jmp -ll 2>>$R/tool-stderr.log); metric jmultipath_ll_s "$(elapsed $S)"; echo "$LL"; printf '%s\n' "$LL" > $R/jmultipath-ll.txt
compare_topology "jmultipath -ll vs multipath -ll" "$REF_LL" "$LL"
compare_topology "Debian multipath -ll on jmultipath's maps" "$REF_LL" "$(multipath -ll)"
sec "jmultipath -F"
S=$(up); jmp -F; rc=$?; metric jmultipath_F_s "$(elapsed $S)"
check_eq "jmultipath -F exit code" 0 "$rc"
check "jmultipath -F removed every map" no_maps
finish
