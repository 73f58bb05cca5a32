# Sourced by the host-side harness scripts. Paths, logging and step timing.
VM_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)          # tests/vm
REPO=$(cd "$VM_HOME/../.." && pwd)                                  # the repository root
W=${VM_WORK:-/tmp/jmvm}                                             # work files + download cache
JM_TARGET=${JM_TARGET:-target-vm}                                   # build output dir name (-Djm.target)
TIMINGS=${TIMINGS:-$W/timings.txt}
mkdir -p "$W"
now() { date +%s.%N; }
log() { echo "[vm $(date +%H:%M:%S)] $*" >&2; }
die() { echo "[vm] ERROR: $*" >&2; exit 1; }
# step NAME CMD...: runs CMD, prints and records how long it took
step() {
  local name=$1; shift; local s e rc
  log "step: $name ..."
  s=$(now); "$@"; rc=$?; e=$(now)
  printf '%-28s %7.1f s%s\n' "$name" "$(echo "$e - $s" | bc)" "$([ $rc = 0 ] || echo "  (FAILED rc=$rc)")" | tee -a "$TIMINGS" >&2
  return $rc
}
