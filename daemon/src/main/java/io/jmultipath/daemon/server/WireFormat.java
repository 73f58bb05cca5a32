package io.jmultipath.daemon.server;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * multipathd's packet framing (libmpathcmd): a native size_t (8 bytes, little endian on x86_64)
 * holding strlen+1, then the text and its terminating NUL. Pure.
 */
public final class WireFormat {
    /** Largest command length field the server accepts (incl. NUL), MAX_CMD_LEN. */
    public static final int MAX_CMD_LEN = 512;
    /** Largest reply the client accepts, MAX_REPLY_LEN. */
    public static final long MAX_REPLY_LEN = 32L * 1024 * 1024;
    public static final int HEADER = 8;

    private WireFormat() {
    }

    public static byte[] encode(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(body.length + 1L).put(body).put((byte) 0);
        return b.array();
    }

    public static long decodeLength(byte[] header) {
        return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The text of a packet body: up to the first NUL, like the C string it is. */
    public static String decodeText(byte[] body) {
        int n = 0;
        while (n < body.length && body[n] != 0) {
            n++;
        }
        return new String(body, 0, n, StandardCharsets.UTF_8);
    }

    public static boolean validCommandLength(long len) {
        return len >= 1 && len <= MAX_CMD_LEN;
    }
}
