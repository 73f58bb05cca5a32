package io.jmultipath.checker.vm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.checker.PathHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Discovers scsi_debug disks (/sys/block/sd*, device/model == "scsi_debug") inside the VM. */
final class ScsiDebugDisks {
    static final Path SYS_BLOCK = Path.of("/sys/block");
    static final Path DRIVER = Path.of("/sys/bus/pseudo/drivers/scsi_debug");

    /** One disk: handle plus its SCSI host number (H of H:C:T:L). */
    record Disk(PathHandle handle, int host, String hctl) {
    }

    private ScsiDebugDisks() {
    }

    static List<Disk> find(Duration timeout) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root inside the QEMU guest");
        assumeTrue(Files.isDirectory(SYS_BLOCK), "no /sys/block");
        List<Disk> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SYS_BLOCK, "sd*")) {
            for (Path b : ds) {
                Path dev = b.resolve("device");
                String model = read(dev.resolve("model"));
                if (!"scsi_debug".equals(model)) {
                    continue;
                }
                String hctl = dev.toRealPath().getFileName().toString();
                String[] mm = read(b.resolve("dev")).split(":");
                String name = b.getFileName().toString();
                PathHandle h = new PathHandle(name, Path.of("/dev", name), Integer.parseInt(mm[0]),
                    Integer.parseInt(mm[1]), dev, timeout);
                out.add(new Disk(h, Integer.parseInt(hctl.split(":")[0]), hctl));
            }
        }
        out.sort(Comparator.comparing(d -> d.handle().devName()));
        assumeTrue(!out.isEmpty(), "no scsi_debug disks (load: modprobe scsi_debug add_host=3 vpd_use_hostno=0)");
        return out;
    }

    static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes a sysfs attribute as {@code echo} does: SCSI {@code device/state} only accepts a value ending in a newline. */
    static void write(Path f, String value) throws IOException {
        Files.writeString(f, value + "\n", StandardCharsets.US_ASCII);
    }
}
