package io.jmultipath.daemon.uevent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Where uevents come from (netlink, a replay script, a test). */
public interface UeventSource extends AutoCloseable {
    /**
     * Waits up to {@code timeout} for at least one event, then returns every event available
     * without further waiting (at most {@code max}). Empty on timeout.
     */
    List<Uevent> receive(Duration timeout, int max) throws IOException, InterruptedException;

    @Override
    void close();
}
