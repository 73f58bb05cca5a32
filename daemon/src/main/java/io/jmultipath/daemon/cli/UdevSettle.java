package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.host.HostRoot;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What libdevmapper's udev cookie wait gives multipath(8): after a map was loaded, udev has
 * processed its uevent (rules, blkid) before the tool goes on (switch_group, the next map). Waits
 * while udevd's event queue (/run/udev/queue) is not empty, at most a few seconds; nothing to do
 * without a running udevd or on a simulated host root.
 */
final class UdevSettle {

    private static final long APPEAR_MS = 200;
    private static final long MAX_MS = 10_000;

    private UdevSettle() {
    }

    static void await(HostRoot root) {
        if (!root.isSystem() || !Files.exists(Path.of("/run/udev/control"))) {
            return;
        }
        Path queue = Path.of("/run/udev/queue");
        long start = System.nanoTime();
        try {
            // the uevent may still be on its way to udevd: give the queue a moment to fill
            while (!Files.exists(queue) && elapsedMs(start) < APPEAR_MS) {
                Thread.sleep(5);
            }
            while (Files.exists(queue) && elapsedMs(start) < MAX_MS) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
