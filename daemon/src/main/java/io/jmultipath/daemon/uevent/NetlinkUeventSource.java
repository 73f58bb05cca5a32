package io.jmultipath.daemon.uevent;

import io.jmultipath.daemon.uevent.jna.NetlinkSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uevents from the kernel over netlink. Subscribes to the kernel group (1), and to the udev group
 * (2) as well when udevd runs (those events carry udev properties). Kernel-group datagrams are accepted
 * only from port id 0 (the kernel); udev-group ones only from uid 0. Undecodable datagrams are
 * logged and skipped. Only block disks pass ({@link UeventFilter}).
 */
public final class NetlinkUeventSource implements UeventSource {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkUeventSource.class);
    public static final int GROUP_KERNEL = 1;
    public static final int GROUP_UDEV = 2;
    /** multipathd asks for 128 MiB. */
    public static final int RECEIVE_BUFFER = 128 * 1024 * 1024;

    private final NetlinkSocket socket;
    private final int groups;

    private NetlinkUeventSource(NetlinkSocket socket, int groups) {
        this.socket = socket;
        this.groups = groups;
    }

    public static NetlinkUeventSource open(int groups) throws IOException {
        return new NetlinkUeventSource(NetlinkSocket.open(groups, RECEIVE_BUFFER), groups);
    }

    /**
     * The kernel group always (events arrive without udev: initrd, containers); the udev group too
     * when udevd's control socket exists below root (its events carry udev's properties). A path
     * then announces itself twice; the second event only costs work if udev changed what is known.
     */
    public static int defaultGroups(Path runUdevControl) {
        return Files.exists(runUdevControl) ? GROUP_KERNEL | GROUP_UDEV : GROUP_KERNEL;
    }

    public int groups() {
        return groups;
    }

    @Override
    public List<Uevent> receive(Duration timeout, int max) throws IOException {
        List<Uevent> out = new ArrayList<>();
        long wait = Math.max(0, timeout.toMillis());
        while (out.size() < max) {
            Optional<NetlinkSocket.Datagram> d = socket.receive(out.isEmpty() ? wait : 0);
            if (d.isEmpty()) {
                break;
            }
            accept(d.get()).filter(UeventFilter::relevant).ifPresent(out::add);
            wait = 0;
        }
        return out;
    }

    static Optional<Uevent> accept(NetlinkSocket.Datagram d) {
        if (d.truncated()) {
            LOG.warn("uevent: truncated datagram dropped");
            return Optional.empty();
        }
        try {
            Uevent u = UeventCodec.parse(ByteBuffer.wrap(d.data()));
            if (u.origin() == Uevent.Origin.KERNEL && d.senderPortId() != 0) {
                LOG.debug("uevent: kernel-format datagram from port {} ignored", d.senderPortId());
                return Optional.empty();
            }
            if (u.origin() == Uevent.Origin.UDEV && d.uid() != 0) {
                LOG.debug("uevent: udev datagram from uid {} ignored", d.uid());
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (UeventParseException e) {
            LOG.warn("uevent: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
