package io.jmultipath.daemon.client;

import io.jmultipath.daemon.client.jna.UnixStreamSocket;
import io.jmultipath.daemon.server.WireFormat;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A connection to the daemon's CLI socket (libmpathcmd equivalent). */
public final class CliClient implements Closeable {
    private final UnixStreamSocket socket;
    private final String name;

    private CliClient(UnixStreamSocket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /** Tries each socket name in order; the error names every one that failed. */
    public static CliClient connect(List<String> names) throws IOException {
        List<String> errors = new ArrayList<>();
        for (String n : names) {
            try {
                return new CliClient(UnixStreamSocket.connect(n), n);
            } catch (IOException e) {
                errors.add(e.getMessage());
            }
        }
        throw new IOException("cannot connect to the daemon (" + String.join("; ", errors) + ")");
    }

    public String socketName() {
        return name;
    }

    /** Sends one command and returns the reply text (without its NUL). */
    public String execute(String command, Duration timeout) throws IOException {
        long ms = timeout.toMillis();
        socket.writeFully(WireFormat.encode(command), ms);
        byte[] header = new byte[WireFormat.HEADER];
        socket.readFully(header, ms);
        long len = WireFormat.decodeLength(header);
        if (len < 0 || len > WireFormat.MAX_REPLY_LEN) {
            throw new IOException(name + ": invalid reply length " + Long.toUnsignedString(len));
        }
        byte[] body = new byte[(int) len];
        socket.readFully(body, ms);
        return WireFormat.decodeText(body);
    }

    @Override
    public void close() {
        socket.close();
    }
}
