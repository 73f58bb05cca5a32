package io.jmultipath.daemon.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into command texts. A length field outside 1..512 drops the connection
 * (like multipathd); a frame that does not complete within the socket timeout is answered
 * {@code fail\ntimeout} and the connection closed.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

    private final Duration timeout;
    private ScheduledFuture<?> partialTimer;

    FrameDecoder(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= WireFormat.HEADER) {
            long len = in.getLongLE(in.readerIndex());
            if (!WireFormat.validCommandLength(len)) {
                LOG.warn("cli[{}]: invalid command length ({} bytes)", ctx.channel().id().asShortText(), Long.toUnsignedString(len));
                in.skipBytes(in.readableBytes());
                cancelTimer();
                ctx.close();
                return;
            }
            if (in.readableBytes() < WireFormat.HEADER + len) {
                break;
            }
            in.skipBytes(WireFormat.HEADER);
            byte[] body = new byte[(int) len];
            in.readBytes(body);
            cancelTimer();
            out.add(WireFormat.decodeText(body));
        }
        if (in.isReadable() && partialTimer == null && ctx.channel().isActive()) {
            armTimer(ctx);
        }
    }

    private void armTimer(ChannelHandlerContext ctx) {
        partialTimer = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        partialTimer = null;
        if (!ctx.channel().config().isAutoRead()) {
            // the handler is still answering an earlier command and reads no more: the rest may be waiting unread
            armTimer(ctx);
            return;
        }
        LOG.debug("cli[{}]: timeout receiving packet", ctx.channel().id().asShortText());
        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(WireFormat.encode(Reply.timeout().wireText())))
                .addListener(f -> ctx.close());
    }

    private void cancelTimer() {
        if (partialTimer != null) {
            partialTimer.cancel(false);
            partialTimer = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelTimer();
    }
}
