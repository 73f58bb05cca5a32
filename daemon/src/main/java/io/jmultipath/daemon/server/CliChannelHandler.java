package io.jmultipath.daemon.server;

import io.netty.channel.Channel;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: commands are executed one at a time in arrival order on the worker
 * executor; a command that does not finish within the timeout is answered {@code fail\ntimeout}.
 */
final class CliChannelHandler extends SimpleChannelInboundHandler<String> {
    private static final Logger LOG = LoggerFactory.getLogger(CliChannelHandler.class);

    private final CliDispatcher dispatcher;
    private final Executor workers;
    private final Duration timeout;
    private final Deque<String> queue = new ArrayDeque<>();
    private Caller caller = new Caller(-1, -1, -1);
    private boolean busy;
    /** The client shut down its sending side: answer what it sent, then close. */
    private boolean inputShutdown;

    CliChannelHandler(CliDispatcher dispatcher, Executor workers, Duration timeout) {
        this.dispatcher = dispatcher;
        this.workers = workers;
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

    private void next(ChannelHandlerContext ctx) {
        String command = queue.poll();
        if (command == null || !ctx.channel().isActive()) {
            busy = false;
            if (inputShutdown) {
                ctx.close();
            }
            return;
        }
        busy = true;
        AtomicBoolean answered = new AtomicBoolean();
        Caller who = caller;
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> dispatcher.execute(command, who), workers);
        var timer = ctx.executor().schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                LOG.warn("cli: '{}' timed out after {} ms", command, timeout.toMillis());
                send(ctx, Reply.timeout().wireText());
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        work.whenComplete((reply, err) -> {
            timer.cancel(false);
            if (answered.compareAndSet(false, true)) {
                send(ctx, err != null ? Reply.fail(String.valueOf(err.getMessage())).wireText() : reply);
            }
        });
    }

    private void send(ChannelHandlerContext ctx, String reply) {
        ctx.executor().execute(() -> {
            if (!ctx.channel().isActive()) {
                busy = false;
                return;
            }
            ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(WireFormat.encode(reply)))
                    .addListener(f -> next(ctx));
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("cli: connection error: {}", cause.toString());
        ctx.close();
    }
}
