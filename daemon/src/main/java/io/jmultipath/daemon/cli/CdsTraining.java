package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.demo.Demo;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the launchers' class-data archive (bin/jmultipath-launcher.sh runs
 * {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp JAR io.jmultipath.daemon.cli.CdsTraining} once per
 * jar and JVM): the classes jmultipath{,d} load to start, discover, plan, check, serve and print are
 * archived, so every later start maps them instead of loading and verifying them again. It runs
 * the demo SAN with the real daemon, a client and the one-shot tool, prints nothing and touches
 * nothing outside its temp dir.
 */
public final class CdsTraining {
    private static final List<String> DAEMON_COMMANDS = List.of("show topology", "show paths", "show maps",
            "show maps json", "show maps status", "show status", "show config", "fail path sde", "reinstate path sde",
            "bogus command");
    private static final List<List<String>> TOOL_RUNS = List.of(List.of("-t"), List.of("-ll"), List.of("-d", "-v3"),
            List.of("-c", "/dev/sda"));

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(quiet);
        System.setErr(quiet);
        System.exit(Demo.exercise((root, dmState, socket) -> exercise(root, dmState, socket, quiet)));
    }

    private static void exercise(Path root, Path dmState, String socket, PrintStream quiet) throws Exception {
        try (CliClient c = CliClient.connect(List.of(socket))) {
            for (String cmd : DAEMON_COMMANDS) {
                c.execute(cmd, Duration.ofSeconds(30));
            }
        }
        for (List<String> run : TOOL_RUNS) {
            List<String> argv = new ArrayList<>(List.of("--root", root.toString(), "--dm", "emulated:" + dmState));
            argv.addAll(run);
            MultipathMain.run(argv, quiet, quiet);
        }
    }
}
