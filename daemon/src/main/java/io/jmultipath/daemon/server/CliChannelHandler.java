package io.jmultipath.daemon.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: commands are executed one at a time in arrival order on the worker
 * executor; a command that does not finish within the timeout is answered {@code fail\ntimeout}.
 */
final class CliChannelHandler extends SimpleChannelInboundHandler<String> {
    private static final Logger LOG = LoggerFactory.getLogger(CliChannelHandler.class);

    private final CliDispatcher dispatcher;
    private final Executor readers;
    private final Executor writers;
    private final Duration timeout;
    private final Deque<String> queue = new ArrayDeque<>();
    private Caller caller = new Caller(-1, -1, -1);
    private boolean busy;
    /** The client shut down its sending side: answer what it sent, then close. */
    private boolean inputShutdown;

    /** Reads (list/show) and writes run on separate executors: writes waiting on a busy owner never delay a show. */
    CliChannelHandler(CliDispatcher dispatcher, Executor readers, Executor writers, Duration timeout) {
        this.dispatcher = dispatcher;
        this.readers = readers;
        this.writers = writers;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        caller = credentials(ctx.channel());
        super.channelActive(ctx);
    }

    static Caller credentials(Channel ch) {
        if (ch instanceof EpollDomainSocketChannel) {
            try {
                PeerCredentials pc = ((EpollDomainSocketChannel) ch).peerCredentials();
                int[] gids = pc.gids();
                return new Caller(pc.pid(), pc.uid(), gids.length > 0 ? gids[0] : -1);
            } catch (IOException e) {
                LOG.debug("cli: no peer credentials: {}", e.toString());
            }
        }
        return new Caller(-1, -1, -1);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String command) {
        queue.add(command);
        if (!busy) {
            next(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (!busy && queue.isEmpty()) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /**
     * Starts the oldest queued command. While one runs the connection is not read (as multipathd
     * reads the next request only after replying), and the next starts only when the reply is
     * written and the work has finished, also after a timeout reply: one command at a time per
     * client, whatever it sends.
     */
    private void next(ChannelHandlerContext ctx) {
        String command = queue.poll();
        if (command == null || !ctx.channel().isActive()) {
            busy = false;
            ctx.channel().config().setAutoRead(true);
            if (inputShutdown) {
                ctx.close();
            }
            return;
        }
        busy = true;
        ctx.channel().config().setAutoRead(false);
        Exchange x = new Exchange(ctx);
        Caller who = caller;
        Executor pool = dispatcher.isRead(command) ? readers : writers;
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> dispatcher.execute(command, who), pool);
        var timer = ctx.executor().schedule(() -> {
            LOG.warn("cli: '{}' timed out after {} ms", command, timeout.toMillis());
            x.answer(Reply.timeout().wireText());
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        work.whenComplete((reply, err) -> ctx.executor().execute(() -> {
            timer.cancel(false);
            x.answer(err != null ? Reply.fail(String.valueOf(err.getMessage())).wireText() : reply);
            x.step();
        }));
    }

    /** One command's turn: done when its one reply is written and its work has finished. Event loop only. */
    private final class Exchange {
        private final ChannelHandlerContext ctx;
        private boolean answered;
        private int remaining = 2;

        Exchange(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        void answer(String reply) {
            if (answered) {
                return;
            }
            answered = true;
            ChannelFuture write = ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(WireFormat.encode(reply)));
            var stalled = ctx.executor().schedule(() -> {
                LOG.warn("cli: client does not read its reply ({} ms), closing the connection", timeout.toMillis());
                ctx.close();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            write.addListener(f -> {
                stalled.cancel(false);
                step();
            });
        }

        void step() {
            if (--remaining == 0) {
                next(ctx);
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("cli: connection error: {}", cause.toString());
        ctx.close();
    }
}
