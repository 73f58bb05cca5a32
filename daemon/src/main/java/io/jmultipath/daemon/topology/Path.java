package io.jmultipath.daemon.topology;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.DiscoveredPath;

import java.util.Optional;

/**
 * A path in the topology: what discovery found plus runtime state.
 *
 * @param info      discovered identity (dev, dev_t, HCIL, vendor/product, WWID, transport, ALUA)
 * @param checker   path checker name ("tur", "directio", ...)
 * @param state     last checker state
 * @param priority  path priority (-1 = undefined)
 * @param dmState   state in the kernel map
 * @param failCount kernel fail count (dm status)
 * @param mapName   alias of the map owning this path; empty for an orphan
 * @param marginal  marginal path (shaky-path detection)
 * @param nextCheck checker schedule, when a scheduler runs
 */
public record Path(DiscoveredPath info, String checker, CheckState state, int priority, DmPathState dmState,
                   int failCount, Optional<String> mapName, boolean marginal, Optional<CheckTick> nextCheck) {

    public static Path of(DiscoveredPath info, String checker, CheckState state, int priority) {
        return new Path(info, checker, state, priority, DmPathState.UNDEF, 0, Optional.empty(), false, Optional.empty());
    }

    public String dev() {
        return info.dev();
    }

    public String devT() {
        return info.devT();
    }

    public String wwid() {
        return info.wwid().orElse("");
    }

    /** UP or GHOST: counts as an enabled path for group priority. */
    public boolean enabled() {
        return state == CheckState.UP || state == CheckState.GHOST;
    }

    /** sysfs state as multipath-tools classifies it: "running" unless the device state means down. */
    public boolean sysfsOffline() {
        String s = info.sysfsState().orElse("running");
        return !(s.startsWith("running") || s.startsWith("blocked") || s.startsWith("quiesce") || s.equals("live"));
    }

    public Path inMap(String alias) {
        return new Path(info, checker, state, priority, dmState, failCount, Optional.of(alias), marginal, nextCheck);
    }

    public Path withDm(DmPathState newDmState, int newFailCount) {
        return new Path(info, checker, state, priority, newDmState, newFailCount, mapName, marginal, nextCheck);
    }

    public Path withState(CheckState newState) {
        return new Path(info, checker, newState, priority, dmState, failCount, mapName, marginal, nextCheck);
    }

    public Path withPriority(int newPriority) {
        return new Path(info, checker, state, newPriority, dmState, failCount, mapName, marginal, nextCheck);
    }

    public Path withNextCheck(Optional<CheckTick> tick) {
        return new Path(info, checker, state, priority, dmState, failCount, mapName, marginal, tick);
    }
}
