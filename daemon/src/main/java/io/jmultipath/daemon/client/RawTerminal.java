package io.jmultipath.daemon.client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The controlling terminal in raw mode (stty), restored on close. */
final class RawTerminal implements LineEditor.Terminal, AutoCloseable {
    private final String saved;
    private final InputStream in;
    private final PrintStream out;

    private RawTerminal(String saved, InputStream in, PrintStream out) {
        this.saved = saved;
        this.in = in;
        this.out = out;
    }

    /** Raw mode on /dev/tty, or empty when there is no terminal / no stty. */
    static Optional<RawTerminal> open(InputStream in, PrintStream out) {
        try {
            String saved = stty("-g").strip();
            stty("-icanon", "-echo", "min", "1");
            return Optional.of(new RawTerminal(saved, in, out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String stty(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).start();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("stty failed");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public void write(String s) {
        out.print(s);
        out.flush();
    }

    @Override
    public void close() {
        try {
            stty(saved);
        } catch (IOException e) {
            out.println();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
