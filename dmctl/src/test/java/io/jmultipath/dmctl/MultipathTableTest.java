package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.selector.SelectorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultipathTableTest {
  /** Real tables: reference §6.1 example, the VM README readback, multipath-tools feature strings. */
  static Stream<String> realTables() {
    return Stream.of(
        "1 queue_if_no_path 1 alua 2 1 service-time 0 2 1 8:16 1 8:48 1 service-time 0 2 1 8:32 1 8:64 1",
        "0 1 alua 3 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1 service-time 0 1 2 8:32 1 1",
        "3 queue_if_no_path pg_init_retries 50 1 rdac 2 1 round-robin 0 2 1 8:16 100 8:32 100 round-robin 0 1 1 65:0 100",
        "2 queue_mode bio 0 1 1 queue-length 0 2 1 8:16 1000 8:32 1000",
        "0 0 0 0",
        "0 0 1 1 historical-service-time 2 972 0 2 1 259:1 1 259:2 1");
  }

  @ParameterizedTest
  @MethodSource("realTables")
  void realTablesRoundTrip(String params) {
    MultipathTable t = MultipathTable.parse(params);
    assertEquals(params, t.format());
    assertEquals(t, MultipathTable.parse(t.format()));
  }

  @Test
  void parsesFieldsOfTheReferenceExample() {
    MultipathTable t = MultipathTable.parse(
        "1 queue_if_no_path 1 alua 2 1 service-time 0 2 1 8:16 1 8:48 1 service-time 0 2 1 8:32 1 8:64 1");
    assertEquals(List.of("queue_if_no_path"), t.features());
    assertEquals(List.of("alua"), t.hwHandler());
    assertTrue(t.queueIfNoPath());
    assertEquals(1, t.initialPg());
    assertEquals(2, t.groups().size());
    assertEquals(SelectorSpec.parse("service-time 0"), t.groups().get(0).selector());
    assertEquals(new PathSpec(new DevT(8, 48), List.of("1")), t.groups().get(0).paths().get(1));
    assertEquals(List.of(new DevT(8, 16), new DevT(8, 48), new DevT(8, 32), new DevT(8, 64)), t.devices());
  }

  @Test
  void whitespaceIsNormalised() {
    assertEquals("0 0 1 1 round-robin 0 1 1 8:16 1",
        MultipathTable.parse("  0  0 1 1\tround-robin 0 1 1 8:16 1 \n").format());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "1", "2 queue_if_no_path", "0 0 1", "0 0 1 2 round-robin 0 1 1 8:16 1",
      "0 0 1 1 round-robin 0 1 1 sdb 1", "0 0 1 1 round-robin 0 2 1 8:16 1",
      "0 0 1 1 round-robin 0 1 1 8:16 1 extra", "x 0 0 0", "0 0 -1 0", "0 0 1 1 round-robin",
      "0 0 1 1 round-robin 5 1 1 8:16 1"})
  void malformedTablesGiveClearErrors(String params) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultipathTable.parse(params));
    assertTrue(e.getMessage().startsWith("multipath table"), e.getMessage());
  }

  @Test
  void errorNamesTheWord() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MultipathTable.parse("0 0 1 1 round-robin 0 1 1 sdb 1"));
    assertEquals("multipath table (word 9): group 1 path 1 device is not major:minor: 'sdb'", e.getMessage());
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  /** A random but valid table (seeded): every shape the kernel/multipath-tools produce. */
  static MultipathTable randomTable(Random r) {
    List<List<String>> feats = List.of(List.of(), List.of("queue_if_no_path"),
        List.of("queue_if_no_path", "pg_init_retries", "50"), List.of("queue_mode", "bio"),
        List.of("retain_attached_hw_handler"), List.of("pg_init_delay_msecs", "2000"));
    List<List<String>> hws = List.of(List.of(), List.of("alua"), List.of("rdac"), List.of("emc", "1", "0"));
    String[] sels = {"round-robin", "queue-length", "service-time", "historical-service-time"};
    int nrPgs = r.nextInt(5);
    List<PathGroupSpec> groups = new ArrayList<>();
    for (int g = 0; g < nrPgs; g++) {
      int nArgs = r.nextInt(3);
      List<PathSpec> paths = new ArrayList<>();
      int nPaths = 1 + r.nextInt(6);
      for (int p = 0; p < nPaths; p++) {
        List<String> args = new ArrayList<>();
        for (int a = 0; a < nArgs; a++) {
          args.add(Integer.toString(r.nextInt(2000)));
        }
        paths.add(new PathSpec(new DevT(r.nextBoolean() ? 8 : 65 + r.nextInt(8), r.nextInt(1 << 12)), args));
      }
      List<String> selArgs = r.nextInt(4) == 0 ? List.of("2", Integer.toString(r.nextInt(1000))) : List.of();
      groups.add(new PathGroupSpec(new SelectorSpec(sels[r.nextInt(sels.length)], selArgs), paths));
    }
    return new MultipathTable(feats.get(r.nextInt(feats.size())), hws.get(r.nextInt(hws.size())),
        nrPgs == 0 ? 0 : 1 + r.nextInt(nrPgs), groups);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomTablesRoundTrip(int seed) {
    MultipathTable t = randomTable(new Random(seed));
    String text = t.format();
    assertEquals(t, MultipathTable.parse(text), text);
    assertEquals(text, MultipathTable.parse(text).format());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void truncatedRandomTablesAreRejected(int seed) {
    Random r = new Random(seed);
    MultipathTable t = randomTable(r);
    String[] words = t.format().split(" ");
    if (words.length < 5) {
      return;
    }
    int cut = 1 + r.nextInt(words.length - 1);
    String truncated = String.join(" ", java.util.Arrays.copyOf(words, cut));
    try {
      MultipathTable u = MultipathTable.parse(truncated);
      // only a cut exactly at a group boundary with a smaller declared count could parse; it must
      // then be a different table
      assertNotEquals(t, u);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().startsWith("multipath table (word"), e.getMessage());
    }
  }
}
