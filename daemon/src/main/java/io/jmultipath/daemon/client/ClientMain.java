package io.jmultipath.daemon.client;

import io.jmultipath.daemon.server.HelpText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jmultipathd <words…>}, {@code jmultipathd -k"cmd"} and the interactive
 * {@code jmultipathd -k} shell (multipathd's uxclnt / multipathc).
 */
public final class ClientMain {
    public static final String PROMPT = "multipathd> ";

    private final List<String> sockets;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    public ClientMain(List<String> sockets, Duration timeout, PrintStream out, PrintStream err) {
        this.sockets = sockets;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    /**
     * One command; exit status 0, or 1 when the reply reports a failure ("fail", "timeout",
     * "permission deny…") or the daemon is unreachable.
     */
    public int oneShot(String command) {
        try (CliClient c = CliClient.connect(sockets)) {
            return print(c.execute(command, timeout));
        } catch (SocketTimeoutException e) {
            err.println("timeout receiving packet");
            return 1;
        } catch (IOException e) {
            err.println("jmultipathd: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Prints a reply like multipathd's client: a bare "fail" (multipathd 0.9.4, and jmultipathd)
     * is printed as it is; "fail" followed by a reason (later multipathd releases) prints the
     * reason. Exit status 1 for any failure, 0 otherwise.
     */
    private int print(String reply) {
        out.print(reply.startsWith("fail\n") && reply.length() > 5 ? reply.substring(5) : reply);
        out.flush();
        return io.jmultipath.daemon.server.Reply.isFailure(reply) ? 1 : 0;
    }

    /** The shell on a terminal: raw mode with Tab completion and history keys when stty works. */
    public int interactiveTerminal(java.io.InputStream in) {
        Optional<RawTerminal> raw = RawTerminal.open(in, out);
        if (raw.isEmpty()) {
            return interactive(new BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)), true);
        }
        try (RawTerminal t = raw.get()) {
            List<String> history = new ArrayList<>();
            LineEditor ed = new LineEditor(t, history);
            return session(() -> ed.readLine(PROMPT).orElse(null), false, history);
        }
    }

    /** The interactive shell: help, history, quit/exit, EOF (Ctrl-D) ends. */
    public int interactive(BufferedReader in, boolean showPrompt) {
        return session(in::readLine, showPrompt, new ArrayList<>());
    }

    /** A source of lines; null = end of input. */
    interface Lines {
        String next() throws IOException;
    }

    private int session(Lines in, boolean showPrompt, List<String> history) {
        CliClient c = null;
        try {
            c = CliClient.connect(sockets);
            while (true) {
                if (showPrompt) {
                    out.print(PROMPT);
                    out.flush();
                }
                String line = in.next();
                if (line == null) {
                    if (showPrompt) {
                        out.println();
                    }
                    return 0;
                }
                String cmd = line.strip();
                if (cmd.isEmpty()) {
                    continue;
                }
                if (history.isEmpty() || !history.get(history.size() - 1).equals(cmd)) {
                    history.add(cmd);
                }
                if (cmd.equals("quit") || cmd.equals("exit")) {
                    return 0;
                }
                if (cmd.equals("help") || cmd.equals("?")) {
                    out.print(HelpText.reference());
                    continue;
                }
                if (cmd.equals("history")) {
                    for (int i = 0; i < history.size(); i++) {
                        out.printf("%5d  %s%n", i + 1, history.get(i));
                    }
                    continue;
                }
                try {
                    print(c.execute(cmd, timeout));
                } catch (SocketTimeoutException e) {
                    err.println("timeout receiving packet");
                    c.close();
                    c = CliClient.connect(sockets);
                }
            }
        } catch (IOException e) {
            err.println("jmultipathd: " + e.getMessage());
            return 1;
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }
}
