package io.jmultipath.tests.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-kernel suite under Maven ({@code mvn -Pvm verify}): prepares the VM (apt, Debian kernel,
 * initramfs) once, then boots one throwaway QEMU guest per scenario in {@code tests/vm/scenarios/}
 * and fails with the guest console and daemon logs when a scenario's assertion fails.
 * The same scenarios run without Maven as {@code tests/vm/run}. Tagged vm-host so the guest's own
 * JUnit run (which includes tag vm) never picks this class up.
 */
@Tag("vm")
@Tag("vm-host")
class VmSuiteTest {
    private static final VmHarness VM = VmHarness.fromEnvironment();

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the VM suite needs root (apt-get, 9p export of /)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "the VM suite needs a Debian host (apt-get)");
        // the reactor has just built the product and the test classes into ${jm.target}: no nested build
        int rc = VM.run(Duration.ofMinutes(20), "--prepare-only", "--no-build");
        assertEquals(0, rc, "tests/vm/run --prepare-only failed (host setup: apt, kernel, initramfs)");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        // -Dvm.scenarios=smoke,alua narrows the run (names as in tests/vm/run --list, NN- prefix optional)
        List<String> only = Arrays.stream(System.getProperty("vm.scenarios", "").split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
        return VM.scenarios().stream()
                .filter(s -> only.isEmpty() || only.stream().anyMatch(o -> s.equals(o) || s.replaceFirst("^[0-9]+-", "").equals(o)))
                .map(s -> DynamicTest.dynamicTest(s, () -> {
            int rc = VM.run(Duration.ofMinutes(20), "--no-setup", "--no-build", s);
            ScenarioResult r = VM.result(s, rc);
            r.assertions().forEach(a -> System.out.println("[" + s + "] " + a));
            if (rc == ScenarioResult.SKIPPED) {
                Assumptions.abort(s + " skipped: " + String.join("; ", r.assertions()));
            }
            assertTrue(r.passed(), r::report);
        }));
    }
}
