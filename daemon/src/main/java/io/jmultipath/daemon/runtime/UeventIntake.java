package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Discovery;
import io.jmultipath.daemon.discovery.DiscoveryException;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.uevent.MergedUevent;
import io.jmultipath.daemon.uevent.Uevent;
import io.jmultipath.daemon.uevent.UeventMerger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** Uevents into the engine: queued from the listener, merged, applied to the discovered set. */
final class UeventIntake {
    private final Engine e;
    private final ConcurrentLinkedQueue<List<Uevent>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private final UeventMerger merger = new UeventMerger(UeventMerger::udevWwid);
    long received;
    long serviced;
    private volatile boolean servicing;

    UeventIntake(Engine e) {
        this.e = e;
    }

    /** A batch of (merged) uevents: update the discovered set, then ONE reconciliation. */
    void onUevents(List<MergedUevent> batch) {
        boolean changed = false;
        for (MergedUevent m : batch) {
            for (Uevent u : m.all()) {
                changed |= applyUevent(u);
            }
        }
        if (changed) {
            e.reconcile.run("uevent", false);
        }
    }

    private boolean applyUevent(Uevent u) {
        String dev = u.kernel();
        if (u.isDm()) {
            if (u.action().equals("change") || u.action().equals("remove")) {
                e.post(e::onDmEvent);
            }
            return false;
        }
        switch (u.action()) {
            case "add", "change" -> {
                // a change for a device never added counts as its add (its add may have come
                // before the device was readable), with the add's devnode blacklist check
                boolean known = e.discovered.containsKey(dev);
                if (!known && e.config.blacklist().checkDevnode(dev).blacklisted()) {
                    Engine.LOG.debug("{}: spurious uevent, path is blacklisted", dev);
                    return false;
                }
                try {
                    DiscoveredPath p = new Discovery(new SysfsReader(e.deps.root()))
                            .discoverOne(dev, w -> Engine.LOG.warn("{}", w));
                    DiscoveredPath old = e.discovered.put(dev, p);
                    if (old == null) {
                        Engine.LOG.info("{}: add path (uevent)", dev);
                    }
                    return old == null || !old.equals(p);
                } catch (DiscoveryException ex) {
                    Engine.LOG.warn("{}", ex.getMessage()); // the message names the device
                    return false;
                }
            }
            case "remove" -> {
                if (e.discovered.remove(dev) != null) {
                    Engine.LOG.info("{}: remove path (uevent)", dev);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Thread-safe: queues raw uevents. Batches that arrive while the owner is busy are merged
     * together and cost one reconciliation.
     */
    void offer(List<Uevent> batch) {
        inbox.add(batch);
        if (drainPosted.compareAndSet(false, true)) {
            e.post(this::drainUevents);
        }
    }

    /** Events waiting or being serviced. */
    boolean busy() {
        return servicing || !inbox.isEmpty();
    }

    private void drainUevents() {
        drainPosted.set(false);
        servicing = true;
        try {
            drain();
        } finally {
            servicing = false;
        }
    }

    private void drain() {
        List<Uevent> all = new ArrayList<>();
        for (List<Uevent> b = inbox.poll(); b != null; b = inbox.poll()) {
            all.addAll(b);
        }
        if (all.isEmpty()) {
            return;
        }
        received += all.size();
        List<MergedUevent> merged = merger.merge(all);
        serviced += merged.size();
        onUevents(merged);
    }
}
