package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultipathStatusTest {
  static Stream<String> realStatus() {
    return Stream.of(
        // service-time, 2 groups of 2 (kernel 6.1), second group never used
        "2 0 0 0 2 1 A 0 2 2 8:16 A 0 0 1 8:48 A 0 0 1 E 0 2 2 8:32 A 0 0 1 8:64 A 0 0 1",
        // VM README map: alua, 3 groups of 1
        "2 0 1 0 3 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1 E 0 1 2 8:32 A 0 0 1",
        // round-robin with a failed path, a disabled group
        "2 0 0 0 2 2 D 0 1 0 8:16 F 3 A 0 1 0 8:32 A 0",
        // queue-length, queueing with no valid path
        "2 1 0 0 1 1 E 0 2 1 8:16 F 1 0 8:32 F 2 0",
        // historical-service-time selector status args
        "2 0 0 0 1 1 A 2 972 0 1 2 259:1 A 0 0 1",
        "2 0 0 0 0 0");
  }

  @ParameterizedTest
  @MethodSource("realStatus")
  void realStatusRoundTrip(String params) {
    MultipathStatus s = MultipathStatus.parse(params);
    assertEquals(params, s.format());
    assertEquals(s, MultipathStatus.parse(s.format()));
  }

  @Test
  void fieldsAreDecoded() {
    MultipathStatus s = MultipathStatus.parse("2 1 4 0 2 2 D 0 1 0 8:16 F 3 A 0 1 0 8:32 A 0");
    assertTrue(s.queueIo());
    assertEquals(4, s.pgInitCount());
    assertEquals(2, s.currentPg());
    assertEquals(MultipathStatus.GroupState.DISABLED, s.groups().get(0).state());
    assertEquals(MultipathStatus.GroupState.ACTIVE, s.groups().get(1).state());
    MultipathStatus.PathStatus p = s.path(new DevT(8, 16)).orElseThrow();
    assertFalse(p.active());
    assertEquals(3, p.failCount());
    assertTrue(s.path(new DevT(8, 99)).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2 0 0 0 1 1", "2 0 0 0 1 1 X 0 1 0 8:16 A 0", "2 0 0 0 1 1 A 0 1 0 8:16 Z 0",
      "2 0 0 0 1 1 A 0 1 1 8:16 A 0", "2 0 0 0 1 1 A 0 1 0 8:16 A -1", "2 0 0 0 0 0 junk"})
  void malformedStatusGivesClearErrors(String params) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultipathStatus.parse(params));
    assertTrue(e.getMessage().startsWith("multipath status"), e.getMessage());
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomStatusRoundTrip(int seed) {
    Random r = new Random(seed);
    int nrPgs = r.nextInt(5);
    List<MultipathStatus.GroupStatus> groups = new ArrayList<>();
    for (int g = 0; g < nrPgs; g++) {
      int info = r.nextInt(3);
      List<MultipathStatus.PathStatus> paths = new ArrayList<>();
      for (int p = 0, n = 1 + r.nextInt(5); p < n; p++) {
        List<String> args = new ArrayList<>();
        for (int a = 0; a < info; a++) {
          args.add(Integer.toString(r.nextInt(100000)));
        }
        paths.add(new MultipathStatus.PathStatus(new DevT(8 + r.nextInt(60), r.nextInt(4096)), r.nextBoolean(),
            r.nextInt(50), args));
      }
      MultipathStatus.GroupState st = MultipathStatus.GroupState.values()[r.nextInt(3)];
      groups.add(new MultipathStatus.GroupStatus(st, r.nextBoolean() ? List.of() : List.of("7", "0"), info, paths));
    }
    MultipathStatus s = MultipathStatus.of(r.nextBoolean(), r.nextInt(3), nrPgs == 0 ? 0 : 1 + r.nextInt(nrPgs), groups);
    String text = s.format();
    assertEquals(s, MultipathStatus.parse(text), text);
    assertEquals(text, MultipathStatus.parse(text).format());
  }
}
