# Sourced by every scenario inside the guest. Assertions, waits, metrics, daemon helpers.
# Results go to /mnt/share (the host's $VM_WORK/results/<scenario>): results.txt (PASS/FAIL/SKIP lines),
# metrics.txt (key=value), table.txt (printed by the host summary), *.log (printed on failure).
R=/mnt/share
export PATH=$REPO/bin:$PATH
export JMULTIPATH_JAVA_OPTS=${JMULTIPATH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xss512k}
export LANG=C.UTF-8
up() { cut -d' ' -f1 /proc/uptime; }
log() { echo "[T+$(up)s] $*"; }
sec() { echo; echo "=== [T+$(up)s] $*"; }
pass() { echo "PASS $*" | tee -a $R/results.txt; }
fail() { echo "FAIL $*" | tee -a $R/results.txt; }
skip() { echo "SKIP $*" | tee -a $R/results.txt; }
# check DESC CMD...: PASS when CMD succeeds
check() { local d=$1; shift; if "$@"; then pass "$d"; else fail "$d (command: $*)"; fi; }
# check_eq DESC EXPECTED ACTUAL
check_eq() { if [ "$2" == "$3" ]; then pass "$1"; else fail "$1: expected [$2] got [$3]"; fi; }
# check_match DESC REGEX TEXT
check_match() { if printf '%s\n' "$3" | grep -Eq -- "$2"; then pass "$1"; else fail "$1: /$2/ not in [$(printf '%s' "$3" | head -c 400)]"; fi; }
metric() { echo "$1=$2" >> $R/metrics.txt; log "metric $1=$2"; }
# wait_until TIMEOUT_S CMD...: polls every 0.25 s; returns 0 when CMD succeeded; WAITED = seconds taken
wait_until() {
  local t=$1; shift; local s e; s=$(up)
  while :; do
    if "$@" >/dev/null 2>&1; then WAITED=$(echo "$(up) - $s" | bc); return 0; fi
    # give up at once when the daemon under test died (WATCH_PID set by jmd_start / mpd_start)
    if [ -n "${WATCH_PID:-}" ] && ! kill -0 "$WATCH_PID" 2>/dev/null; then
      WAITED=$(echo "$(up) - $s" | bc); log "daemon (pid $WATCH_PID) is gone: $(tail -3 $DAEMON_LOG 2>/dev/null | tr '\n' ' ')"; return 1; fi
    e=$(up); if [ "$(echo "$e - $s > $t" | bc)" = 1 ]; then WAITED=$(echo "$e - $s" | bc); return 1; fi
    sleep 0.25
  done
}
elapsed() { echo "$(up) - $1" | bc | awk '{printf "%.1f", $1}'; }
finish() {
  sync
  if grep -q '^FAIL' $R/results.txt 2>/dev/null; then log "scenario FAILED"; exit 1; fi
  grep -q '^PASS' $R/results.txt 2>/dev/null || { log "no assertion ran"; exit 1; }
  log "scenario passed"; exit 0
}

# ---- SCSI helpers
# scsi_debug_load N [extra params]: one 16 MB LUN seen through N hosts (= N paths, one WWID)
scsi_debug_load() {
  local n=$1; shift
  modprobe scsi_debug add_host=$n vpd_use_hostno=0 dev_size_mb=16 "$@" || return 1
  udevadm settle -t 20
  wait_until 20 test "$(ls -d /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*/target*/*/block/sd* 2>/dev/null | wc -l)" -ge "$n"
}
# sd_of_host H -> sdX of SCSI host number H
sd_of_host() { ls /sys/class/scsi_host/host$1/device/target$1:*/$1:*/block 2>/dev/null | head -1; }
devt() { cat /sys/block/$1/dev; }
disks() { for d in /sys/block/sd*; do [ -e "$d" ] && echo "${d##*/}"; done; }

# ---- multipath helpers
write_conf() { # write_conf [extra defaults lines...]
  mkdir -p /etc/multipath; rm -f /etc/multipath/bindings /etc/multipath/wwids
  { echo "defaults {"; echo "    user_friendly_names yes"; echo "    find_multipaths no"; echo "    polling_interval 2"
    # the C client's reply timeout (default 4 s) is too short for a JVM warming up under TCG
    echo "    uxsock_timeout 30000"
    for l in "$@"; do echo "    $l"; done; echo "}"; } > /etc/multipath.conf
  log "/etc/multipath.conf:"; sed 's/^/    /' /etc/multipath.conf
}
# dm_maps: names of dm-multipath maps
dm_maps() { dmsetup ls --target multipath 2>/dev/null | awk '$1 != "No" {print $1}'; }
# path_state MAP DEVT -> A or F from dmsetup status
path_state() { dmsetup status "$1" 2>/dev/null | awk -v p="$2" '{for (i=1;i<=NF;i++) if ($i==p) {print $(i+1); exit}}'; }
path_failed() { [ "$(path_state "$1" "$2")" = F ]; }
path_active() { [ "$(path_state "$1" "$2")" = A ]; }
map_has_path() { dmsetup table "$1" 2>/dev/null | grep -qw "$2"; }
map_exists() { dmsetup info "$1" >/dev/null 2>&1; }
no_maps() { [ -z "$(dm_maps)" ]; }

JMD_PID= MPD_PID=
jmd_start() { # jmd_start [extra args]: jmultipathd in the foreground, log in $R/jmultipathd.log
  log "starting: jmultipathd -d -s -v3 --dm kernel $*"
  jmultipathd -d -s -v3 --dm kernel "$@" >> $R/jmultipathd.log 2>&1 &
  JMD_PID=$!; WATCH_PID=$JMD_PID
}
jmd_stop() {
  [ -n "$JMD_PID" ] || return 0
  WATCH_PID=
  kill -TERM "$JMD_PID" 2>/dev/null; wait_until 30 bash -c "! kill -0 $JMD_PID"
  kill -0 "$JMD_PID" 2>/dev/null && { log "jmultipathd did not stop on SIGTERM; killing"; kill -9 "$JMD_PID"; }
  wait "$JMD_PID" 2>/dev/null; JMD_PID=
}
mpd_start() { # Debian's multipathd, foreground, log in $R/multipathd.log
  log "starting: Debian multipathd -d -s -v3"
  multipathd -d -s -v3 >> $R/multipathd.log 2>&1 &
  MPD_PID=$!; WATCH_PID=$MPD_PID
}
mpd_stop() {
  [ -n "$MPD_PID" ] || return 0
  WATCH_PID=
  kill -TERM "$MPD_PID" 2>/dev/null; wait_until 30 bash -c "! kill -0 $MPD_PID"; wait "$MPD_PID" 2>/dev/null; MPD_PID=
}
flush_maps() { # remove every multipath map (retrying while udev/blkid still hold them); 1 if some remain
  local i m
  for i in 1 2 3 4 5 6 7 8 9 10; do
    udevadm settle -t 10
    for m in $(dm_maps); do dmsetup remove --retry "$m" >/dev/null 2>&1; done
    no_maps && return 0; sleep 1
  done
  log "maps left after flush: $(dm_maps | tr '\n' ' ')"; return 1
}
# the multipathd socket client (Debian's, C: fast under TCG). Works against both daemons.
mpc() { multipathd "$@" 2>&1; }
# normalise a `multipath -ll` topology for comparison: names, wwid, groups (prio, status), paths (dev, dm/check/online state)
norm_topology() {
  sed -E -e 's/dm-[0-9]+/dm-N/' -e 's/^size=[^ ]+ //' -e 's/[|`]/ /g' -e 's/-\+-//' -e 's/ +/ /g' -e 's/^ //' \
    | grep -v '^$'
}
dump_state() { # dump_state LABEL: dmsetup + sysfs view into the console log
  sec "state: $1"
  dmsetup ls --target multipath; for m in $(dm_maps); do echo "table  $m: $(dmsetup table $m)"; echo "status $m: $(dmsetup status $m)"; done
  for d in $(disks); do echo "$d $(devt $d) state=$(cat /sys/block/$d/device/state 2>/dev/null) alua=$(cat /sys/block/$d/device/access_state 2>/dev/null)"; done
}
# VM_REFERENCE=1 runs the product scenarios against Debian's multipath-tools instead (validates the
# scenarios themselves): daemon_* / jmp / DAEMON_LOG pick the implementation.
REF=${VM_REFERENCE:-0}
if [ "$REF" = 1 ]; then DAEMON_LOG=$R/multipathd.log; DNAME=multipathd; else DAEMON_LOG=$R/jmultipathd.log; DNAME=jmultipathd; fi
daemon_start() { if [ "$REF" = 1 ]; then mpd_start; else jmd_start "$@"; fi; }
daemon_stop() { if [ "$REF" = 1 ]; then mpd_stop; else jmd_stop; fi; }
jmp() { if [ "$REF" = 1 ]; then multipath "$@"; else jmultipath --dm kernel "$@"; fi; }
trap 'jmd_stop; mpd_stop' EXIT
: > $R/results.txt
log "scenario $(basename "$0") on $(uname -r)"

# ---- iSCSI: tgtd with one LUN (64 MB) exported on 127.0.0.1 and 127.0.0.2, open-iscsi logged in twice
IQN=iqn.2026-01.io.jmultipath:vm
iscsi_setup() {
  modprobe iscsi_tcp || return 1
  truncate -s 64M /tmp/lun1.img
  tgtd -f >> $R/tgtd.log 2>&1 &
  wait_until 20 tgtadm --lld iscsi --op show --mode target || return 1
  tgtadm --lld iscsi --op new --mode target --tid 1 -T $IQN || return 1
  tgtadm --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 -b /tmp/lun1.img || return 1
  tgtadm --lld iscsi --op bind --mode target --tid 1 -I ALL || return 1
  # fast failure detection: NOP-out every 2 s, session replacement after 5 s
  sed -i -e 's/^node.session.timeo.replacement_timeout = .*/node.session.timeo.replacement_timeout = 5/' \
         -e 's/^node.conn\[0\].timeo.noop_out_interval = .*/node.conn[0].timeo.noop_out_interval = 2/' \
         -e 's/^node.conn\[0\].timeo.noop_out_timeout = .*/node.conn[0].timeo.noop_out_timeout = 2/' /etc/iscsi/iscsid.conf
  mkdir -p /var/lib/iscsi /run/lock/iscsi /etc/iscsi/nodes
  iscsid || return 1
  local p
  for p in 127.0.0.1 127.0.0.2; do
    iscsiadm -m discovery -t sendtargets -p $p:3260 >/dev/null || return 1
    iscsiadm -m node -T $IQN -p $p:3260 --login || return 1
  done
  udevadm settle -t 20
  wait_until 30 test "$(iscsi_disks | wc -l)" -ge 2
}
# iscsi_disks: "portal sdX" lines
iscsi_disks() { iscsiadm -m session -P 3 2>/dev/null | awk '/Current Portal:/{split($3,a,":"); p=a[1]} /Attached scsi disk/{print p, $4}'; }
iscsi_disk_of() { iscsi_disks | awk -v p="$1" '$1==p {print $2; exit}'; }
portal_drop() { iptables -A INPUT -p tcp -d $1 --dport 3260 -j DROP; iptables -A INPUT -p tcp -s $1 --sport 3260 -j DROP; }
portal_restore() { iptables -F INPUT; }

# ---- topology projection: `multipath -ll` / `show topology` text -> one line per map / group / path with
# the fields both tools must agree on (name, wwid, vendor/product, features, hwhandler, group policy/prio/
# status, path hctl/dev/dev_t/dm state/checker state/online state). Ignores dm-N and column padding.
topo_project() {
  awk '
    /^[^ |`]/ && NF >= 3 && $0 !~ /^size=/ { sub(/^[a-z]+: /, ""); print "map", $1, $2, $NF; next }
    /^size=/ { f=$0; sub(/^size=[^ ]+ /, "", f); sub(/ wp=.*/, "", f); print "  attrs", f; next }
    /policy=/ { g=$0; sub(/^[ |`+-]*/, "", g); print "  group", g; next }
    { for (i=1; i<=NF; i++) if ($i ~ /^[0-9]+:[0-9]+:[0-9]+:[0-9]+$/) { print "    path", $i, $(i+1), $(i+2), $(i+3), $(i+4), $(i+5); break } }'
}
# compare_topology DESC REF_TEXT OUR_TEXT: semantic equality (assertion) + byte equality modulo dm-N (info)
compare_topology() {
  local a b; a=$(printf '%s\n' "$2" | topo_project); b=$(printf '%s\n' "$3" | topo_project)
  echo "--- reference projection:"; printf '%s\n' "$a"; echo "--- jmultipath projection:"; printf '%s\n' "$b"
  if [ -n "$a" ] && [ "$a" == "$b" ]; then pass "$1 (names, groups, paths, states)"
  else fail "$1: projections differ:
$(diff <(printf '%s\n' "$a") <(printf '%s\n' "$b"))"; fi
  if [ "$(printf '%s\n' "$2" | sed -E 's/dm-[0-9]+/dm-N/')" == "$(printf '%s\n' "$3" | sed -E 's/dm-[0-9]+/dm-N/')" ]; then
    log "INFO $1: byte-identical (modulo dm-N)"; metric "byte_identical_$(echo "$1" | tr -c 'a-zA-Z0-9\n' _)" yes
  else log "INFO $1: not byte-identical:"; diff <(printf '%s\n' "$2" | sed -E 's/dm-[0-9]+/dm-N/') <(printf '%s\n' "$3" | sed -E 's/dm-[0-9]+/dm-N/')
    metric "byte_identical_$(echo "$1" | tr -c 'a-zA-Z0-9\n' _)" no; fi
}
# io_counter sdX -> completed reads+writes
io_counter() { awk '{print $1 + $5}' /sys/block/$1/stat; }
# dm-multipath table helpers (text after "0 <len> multipath")
table_ngroups() { awk '{ i=4; i+=$i+1; i+=$i+1; print $i }'; }
table_first_path() { awk '{ i=4; i+=$i+1; i+=$i+1; i+=3; i+=$i+1; i+=2; print $i }'; }
