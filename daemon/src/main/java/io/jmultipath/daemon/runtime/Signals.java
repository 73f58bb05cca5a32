package io.jmultipath.daemon.runtime;

import org.slf4j.LoggerFactory;

/** SIGHUP = reconfigure, SIGTERM/SIGINT = clean shutdown (sun.misc.Signal; shutdown hook as fallback). */
final class Signals {
    private Signals() {
    }

    static void install(Daemon d) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> d.requestReconfigure());
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> d.signalShutdown());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> d.signalShutdown());
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger("jmultipathd").warn("signal handlers: {} (SIGTERM handled by a shutdown hook)", e.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(d::close, "shutdown"));
        }
    }
}
