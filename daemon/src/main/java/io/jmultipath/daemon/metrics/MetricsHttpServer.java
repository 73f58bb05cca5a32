package io.jmultipath.daemon.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP/1.x responder for Prometheus: {@code GET /metrics} (or HEAD) answers the
 * exposition text, {@code /} a pointer to it, anything else 404/405/400; one request per
 * connection ({@code Connection: close}). Request lines and headers are limited to 8 KiB and a
 * client has 10 s to send them. The body comes from the daemon's snapshot, so a scrape never
 * waits for the topology's owner thread.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("jmultipathd");
    private static final int MAX_LINE = 8192;

    private final EventLoopGroup group;
    private final Channel channel;

    private MetricsHttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Listens on {@code addr}; "HOST: reason" as an IOException when it cannot. */
    public static MetricsHttpServer start(InetSocketAddress addr, Supplier<String> body) throws IOException {
        InetSocketAddress bind = addr.isUnresolved() ? new InetSocketAddress(addr.getHostString(), addr.getPort()) : addr;
        if (bind.isUnresolved()) {
            throw new IOException("metrics: " + addr.getHostString() + ": unknown host");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, (ThreadFactory) r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        }, EpollIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(10, TimeUnit.SECONDS),
                                new LineBasedFrameDecoder(MAX_LINE, true, true), new Request(body));
                    }
                });
        try {
            Channel ch = b.bind(bind).sync().channel();
            LOG.info("metrics: listening on http://{}:{}/metrics", bind.getHostString(),
                    ((InetSocketAddress) ch.localAddress()).getPort());
            return new MetricsHttpServer(group, ch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("metrics: interrupted while binding", e);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("metrics: " + bind.getHostString() + ":" + bind.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** The bound address (the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** Reads the request line and headers up to the blank line, then answers and closes. */
    private static final class Request extends SimpleChannelInboundHandler<ByteBuf> {
        private final Supplier<String> body;
        private String requestLine;
        private boolean answered;

        Request(Supplier<String> body) {
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            if (answered) {
                return;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            if (requestLine == null) {
                requestLine = text;
                return;
            }
            if (text.isEmpty()) {
                answered = true;
                answer(ctx, requestLine);
            }
        }

        private void answer(ChannelHandlerContext ctx, String request) {
            String[] w = request.split(" ");
            if (w.length != 3 || !w[2].startsWith("HTTP/")) {
                respond(ctx, "400 Bad Request", "text/plain; charset=utf-8", "bad request line\n", true);
                return;
            }
            boolean head = w[0].equals("HEAD");
            if (!head && !w[0].equals("GET")) {
                respond(ctx, "405 Method Not Allowed", "text/plain; charset=utf-8", "only GET and HEAD\n", true);
                return;
            }
            String path = w[1].contains("?") ? w[1].substring(0, w[1].indexOf('?')) : w[1];
            switch (path) {
                case "/metrics" -> respond(ctx, "200 OK", Exposition.CONTENT_TYPE, body.get(), !head);
                case "/" -> respond(ctx, "200 OK", "text/plain; charset=utf-8", "jmultipathd: metrics at /metrics\n", !head);
                default -> respond(ctx, "404 Not Found", "text/plain; charset=utf-8", "not found\n", !head);
            }
        }

        private static void respond(ChannelHandlerContext ctx, String status, String type, String text, boolean withBody) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
                    + (status.startsWith("405") ? "\r\nAllow: GET, HEAD" : "") + "\r\nConnection: close\r\n\r\n";
            ByteBuf out = Unpooled.buffer(head.length() + (withBody ? b.length : 0));
            out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                out.writeBytes(b);
            }
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException && !answered) {
                answered = true;
                respond(ctx, "431 Request Header Fields Too Large", "text/plain; charset=utf-8", "request too large\n", true);
                return;
            }
            LOG.debug("metrics: {}: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
