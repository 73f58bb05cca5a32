#!/bin/bash
# Runs the modules' @Tag("vm") JUnit tests (dmctl IoctlDeviceMapper contract, checker tur/alua/timeout, ...)
# inside the guest with the JUnit console launcher, against the host-built test classes.
# Guest fixture for those tests: scsi_debug loaded with add_host=3 vpd_use_hostno=0 dev_size_mb=16
# (one LUN through hosts 0,1,2 = sda,sdb,sdc; ALUA optimized / non-optimized / standby), udevd running,
# no multipath daemon and no maps; env JM_VM=1, JM_VM_DISKS="sda sdb sdc".
. "$VM_HOME/guest/lib.sh"
DIRS=()
for m in config selector dmctl checker daemon; do
  d=$REPO/$m/$JM_TARGET/test-classes; [ -d "$d" ] && DIRS+=("$d"); done
if [ ! -f "$JUNIT_CONSOLE" ] || [ ! -f "$TEST_CLASSPATH_FILE" ]; then
  fail "missing $JUNIT_CONSOLE or $TEST_CLASSPATH_FILE (build the tests module with -Djm.target=$JM_TARGET)"; finish; fi
check "scsi_debug 3 paths" scsi_debug_load 3
export JM_VM=1 JM_VM_DISKS="$(disks | tr '\n' ' ' | sed 's/ $//')"
CP=$(cat "$TEST_CLASSPATH_FILE"); for d in "${DIRS[@]}"; do CP=$CP:$d; done
SCAN=$(IFS=:; echo "${DIRS[*]}")
S=$(up)
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JUNIT_CONSOLE" execute --disable-banner --details=tree \
  --class-path "$CP" --scan-class-path "$SCAN" --include-tag vm --exclude-tag vm-host \
  --reports-dir $R/junit 2>&1 | tee $R/junit-console.log
rc=${PIPESTATUS[0]}
metric junit_s "$(elapsed $S)"
FOUND=$(grep -oE '\[ *[0-9]+ tests found' $R/junit-console.log | grep -oE '[0-9]+' | head -1)
if [ "${FOUND:-0}" = 0 ]; then skip "no @Tag(\"vm\") tests in ${DIRS[*]##*/}"; exit 77; fi
# one PASS/FAIL line per test case from the XML report
python3 - "$R"/junit/*.xml >> $R/results.txt <<'PY'
import sys, xml.etree.ElementTree as ET
for f in sys.argv[1:]:
    for tc in ET.parse(f).getroot().iter('testcase'):
        name = tc.get('classname', '') + '.' + tc.get('name', '')
        bad = tc.find('failure') if tc.find('failure') is not None else tc.find('error')
        if bad is not None:
            print('FAIL junit', name + ':', (bad.get('message') or '').splitlines()[0][:300] if bad.get('message') else bad.get('type'))
        elif tc.find('skipped') is not None:
            print('SKIP junit', name + ':', (tc.find('skipped').get('message') or '')[:200])
        else:
            print('PASS junit', name)
PY
cat $R/results.txt
check_eq "JUnit console launcher exit code" 0 "$rc"
finish
