/**
 * jmultipath checker module: path checkers, prioritizers, SG_IO transport and the check scheduler.
 * <ul>
 * <li>{@link io.jmultipath.checker.Checkers} / {@link io.jmultipath.checker.CheckerRegistry}:
 *     directio, tur, readsector0, none ({@link io.jmultipath.checker.PathChecker}).</li>
 * <li>{@link io.jmultipath.checker.Prioritizers}: const, sysfs, alua, weightedpath, random,
 *     path_latency ({@link io.jmultipath.checker.Prioritizer}; weightedpath identity via
 *     {@link io.jmultipath.checker.PrioPathInfo}).</li>
 * <li>{@link io.jmultipath.checker.scsi.SgIo} (JNA in scsi.jna), pure decoders
 *     {@link io.jmultipath.checker.scsi.ScsiVerdicts}, {@link io.jmultipath.checker.scsi.Sense},
 *     {@link io.jmultipath.checker.scsi.Inquiry}, {@link io.jmultipath.checker.scsi.TargetPortGroups},
 *     and {@link io.jmultipath.checker.scsi.Alua} for detect_prio/detect_checker and %A.</li>
 * <li>{@link io.jmultipath.checker.schedule.CheckScheduler}: polling backoff, phases, bounded
 *     concurrency, timeouts, %C next_check info.</li>
 * </ul>
 */
package io.jmultipath.checker;
