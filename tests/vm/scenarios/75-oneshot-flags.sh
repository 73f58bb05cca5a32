#!/bin/bash
# Issue 6: the one-shot flags on the same real devices (scsi_debug, 2 paths, queueing configured):
# Debian's multipath and jmultipath print the same stdout, byte for byte (modulo dm-N), and exit the
# same for -d (no maps / maps present), -c, -v2 (create; without multipathd queueing is turned off),
# a second -v2 (existing maps are left alone), -r with and without -q, -ll, -a/-w, -f errors, -f of a
# map with a kpartx partition map, and -F. stderr is compared without timestamps (info only).
. "$VM_HOME/guest/lib.sh"
write_conf "no_path_retry 3"
check "scsi_debug 2 paths" scsi_debug_load 2
D1=$(disks | sed -n 1p); D2=$(disks | sed -n 2p)
log "paths: $D1 $D2"
nodm() { sed -E 's/ dm-[0-9]+ / dm-N /'; }
nots() { sed -E 's/^[0-9]+\.[0-9]{6} \| //'; }
# mkpart MAP: a kpartx-style partition map MAP1 (uuid part1-<map uuid>, linear on the map)
mkpart() { local dev uuid; dev=$(dmsetup info -c --noheadings -o major,minor "$1" | tr -d ' ')
  uuid=$(dmsetup info -c --noheadings -o uuid "$1")
  dmsetup create "${1}1" --uuid "part1-$uuid" --table "0 2048 linear $dev 2048"; }
gone() { ! dmsetup info "$1" >/dev/null 2>&1; }
# run_both NAME ARGS...: Debian's multipath, then jmultipath, same arguments; stdout+rc compared exactly
# (dm-N aside), stderr without timestamps as info. Maps are flushed before and after each side only
# when NAME ends in "!" (the command creates maps).
declare -A REF_OUT REF_RC REF_ERR
ref() { local n=$1; shift; multipath "$@" >$R/ref.out 2>$R/ref.err; REF_RC[$n]=$?
  REF_OUT[$n]=$(nodm < $R/ref.out); REF_ERR[$n]=$(nots < $R/ref.err | grep -v "can't set open fds limit"); }
ours() { local n=$1; shift; local out rc err
  jmultipath --dm kernel "$@" >$R/jm.out 2>$R/jm.err; rc=$?; out=$(nodm < $R/jm.out); err=$(nots < $R/jm.err)
  printf '%s\n' "--- multipath $*:" "${REF_OUT[$n]}" "--- jmultipath $*:" "$out"
  if [ "${REF_OUT[$n]}" == "$out" ] && [ "${REF_RC[$n]}" == "$rc" ]; then pass "$n: same stdout and exit code ($rc)"
  else fail "$n: rc ${REF_RC[$n]} vs $rc; stdout differs:
$(diff <(printf '%s\n' "${REF_OUT[$n]}") <(printf '%s\n' "$out") | head -30)"; fi
  if [ "${REF_ERR[$n]}" == "$err" ]; then log "INFO $n: stderr identical (timestamps aside)"
  else log "INFO $n: stderr differs:"; diff <(printf '%s\n' "${REF_ERR[$n]}") <(printf '%s\n' "$err") | head -20; fi; }

sec "reference: Debian multipath"
ref dry-empty -d
ref c-path -c /dev/$D1
ref c-bare -c $D1
ref c-devt -c "$(devt $D1)"
ref create -v2
udevadm settle -t 20
declare -A REF_TABLE; for m in $(dm_maps); do REF_TABLE[$m]=$(dmsetup table $m); echo "$m: ${REF_TABLE[$m]}"; done
ref ll -ll
ref dry-present -d
ref again -v2
ref queue -v2 -q
ref forced -r -q
ref forced-again -r
ref c-mapped -c /dev/$D2
ref f-path -f /dev/$D1
ref f-none -f nosuch
ref w-none -w
ref a-path -a /dev/$D1
ref w-path -w /dev/$D1
ref w-again -w /dev/$D1
M=$(dm_maps | head -1)
check "partition map ${M}1 on $M (reference)" mkpart "$M"
ref f-part -f "$M"
check "multipath -f $M removed its partition map too" gone "${M}1"
multipath -F; udevadm settle -t 20
check "reference maps flushed" no_maps
write_conf "no_path_retry 3"

sec "jmultipath, same commands"
ours dry-empty -d
ours c-path -c /dev/$D1
ours c-bare -c $D1
ours c-devt -c "$(devt $D1)"
ours create -v2
udevadm settle -t 20
for m in $(dm_maps); do
  check_eq "kernel table of $m after -v2 identical to multipath's" "${REF_TABLE[$m]:-<no reference map $m>}" "$(dmsetup table $m)"; done
ours ll -ll
ours dry-present -d
ours again -v2
ours queue -v2 -q
ours forced -r -q
ours forced-again -r
ours c-mapped -c /dev/$D2
ours f-path -f /dev/$D1
ours f-none -f nosuch
ours w-none -w
ours a-path -a /dev/$D1
ours w-path -w /dev/$D1
ours w-again -w /dev/$D1
M=$(dm_maps | head -1)
check "partition map ${M}1 on $M" mkpart "$M"
ours f-part -f "$M"
check "jmultipath -f $M removed its partition map too" gone "${M}1"
check "jmultipath -f $M removed the map" gone "$M"
jmultipath --dm kernel -F; rc=$?
check_eq "jmultipath -F exit code" 0 "$rc"
udevadm settle -t 20
check "jmultipath -F removed every map" no_maps
