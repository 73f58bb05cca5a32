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
  JMD_PID=$!
}
jmd_stop() {
  [ -n "$JMD_PID" ] || return 0
  kill -TERM "$JMD_PID" 2>/dev/null; wait_until 30 bash -c "! kill -0 $JMD_PID"
  kill -0 "$JMD_PID" 2>/dev/null && { log "jmultipathd did not stop on SIGTERM; killing"; kill -9 "$JMD_PID"; }
  wait "$JMD_PID" 2>/dev/null; JMD_PID=
}
mpd_start() { # Debian's multipathd, foreground, log in $R/multipathd.log
  log "starting: Debian multipathd -d -s -v3"
  multipathd -d -s -v3 >> $R/multipathd.log 2>&1 &
  MPD_PID=$!
}
mpd_stop() {
  [ -n "$MPD_PID" ] || return 0
  kill -TERM "$MPD_PID" 2>/dev/null; wait_until 30 bash -c "! kill -0 $MPD_PID"; wait "$MPD_PID" 2>/dev/null; MPD_PID=
}
flush_maps() { for m in $(dm_maps); do dmsetup remove --retry "$m" 2>/dev/null || dmsetup remove -f "$m"; done; udevadm settle -t 10; }
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
trap 'jmd_stop; mpd_stop' EXIT
: > $R/results.txt
log "scenario $(basename "$0") on $(uname -r)"
