package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.server.Reply;

/** Daemon-level operations the CLI can trigger (implemented by the daemon, run on the owner thread). */
interface DaemonControl {
    /** Re-reads the configuration; a bad one is rejected with its error and the running one kept. */
    Reply reconfigure(boolean all);

    void shutdown();
}
