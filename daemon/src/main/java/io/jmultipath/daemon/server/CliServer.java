package io.jmultipath.daemon.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipathd CLI socket server (Netty, epoll transport): listens on abstract and/or
 * pathname unix sockets and answers framed commands through a {@link CliDispatcher}.
 */
public final class CliServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CliServer.class);
    /** multipathd's default uxsock_timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(4000);

    private final CliDispatcher dispatcher;
    private final Duration timeout;
    private final EventLoopGroup group;
    private final ExecutorService readers;
    private final ExecutorService writers;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<String> boundNames = new ArrayList<>();

    public CliServer(CliDispatcher dispatcher, Duration timeout) {
        this.dispatcher = dispatcher;
        this.timeout = timeout;
        this.group = new MultiThreadIoEventLoopGroup(1, (java.util.concurrent.ThreadFactory) r -> daemonThread(r, "cli-io"),
                EpollIoHandler.newFactory());
        this.readers = Executors.newFixedThreadPool(4, r -> daemonThread(r, "cli-reader"));
        this.writers = Executors.newFixedThreadPool(4, r -> daemonThread(r, "cli-writer"));
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Binds one socket name ("@abstract" or a path). Fails with "NAME: reason". */
    public synchronized void bind(String name) throws IOException {
        DomainSocketAddress addr = SocketNames.isAbstract(name)
                ? new DomainSocketAddress("\0" + name.substring(1))
                : new DomainSocketAddress(name);
        if (!SocketNames.isAbstract(name)) {
            Path parent = Path.of(name).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            removeStale(Path.of(name));
        }
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(EpollServerDomainSocketChannel.class)
                .childOption(io.netty.channel.ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<EpollDomainSocketChannel>() {
                    @Override
                    protected void initChannel(EpollDomainSocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(timeout), new CliChannelHandler(dispatcher, readers, writers, timeout));
                    }
                });
        try {
            Channel ch = b.bind(addr).sync().channel();
            listeners.add(ch);
            boundNames.add(name);
            LOG.debug("uxsock: listening on {}", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while binding", e);
        } catch (Exception e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A socket file left by a daemon that did not stop cleanly is removed (as ux_socket_listen
     * unlinks it); one a live daemon still listens on is not: binding then fails.
     */
    static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            throw new IOException(socket + ": another daemon is listening on it");
        } catch (java.net.SocketException e) { // ECONNREFUSED: nobody listens
            if (!Files.isDirectory(socket)) {
                LOG.debug("{}: removing a stale socket ({})", socket, e.getMessage());
                Files.deleteIfExists(socket);
            }
        }
    }

    public synchronized List<String> boundNames() {
        return List.copyOf(boundNames);
    }

    @Override
    public synchronized void close() {
        for (Channel c : listeners) {
            c.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        for (String n : boundNames) {
            if (!SocketNames.isAbstract(n)) {
                try {
                    Files.deleteIfExists(Path.of(n));
                } catch (IOException e) {
                    LOG.debug("{}: {}", n, e.toString());
                }
            }
        }
        listeners.clear();
        boundNames.clear();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        readers.shutdownNow();
        writers.shutdownNow();
    }
}
