package io.jmultipath.bench.dmctl;

import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.IoctlDeviceMapper;
import io.jmultipath.dmctl.MultipathStatus;
import io.jmultipath.dmctl.MultipathTable;
import io.jmultipath.dmctl.PathGroupSpec;
import io.jmultipath.dmctl.PathSpec;
import io.jmultipath.dmctl.ioctl.DmAbi;
import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import io.jmultipath.dmctl.ioctl.DmIoctlCodec;
import io.jmultipath.selector.SelectorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * dmctl codec costs: encode+decode of a 64-path multipath table (4 groups x 16 paths,
 * service-time), parse of its 64-path status line, decode of a DM_LIST_DEVICES reply
 * (dm_name_list with event_nr + uuid) holding 1,000 maps, and a whole
 * {@code IoctlDeviceMapper.list()} of 1,000 maps (request, DM_BUFFER_FULL_FLAG retries from the
 * 16 KiB first buffer, decode) over a control node that answers like dm-ioctl.c from a canned
 * reply (the kernel's own time is not in it).
 * Run: java -cp ... io.jmultipath.bench.dmctl.DmCodecBench   (short JMH run, prints figures)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DmCodecBench {
  MultipathTable table;
  String tableText;
  String statusText;
  ByteBuffer nameList;
  IoctlDeviceMapper listing;

  @Setup
  public void setUp() {
    List<PathGroupSpec> groups = new ArrayList<>();
    StringBuilder status = new StringBuilder("2 0 0 0 4 1");
    for (int g = 0; g < 4; g++) {
      List<PathSpec> paths = new ArrayList<>();
      status.append(g == 0 ? " A" : " E").append(" 0 16 2");
      for (int p = 0; p < 16; p++) {
        DevT d = new DevT(8 + g, p * 16);
        paths.add(new PathSpec(d, List.of("1")));
        status.append(' ').append(d).append(p % 7 == 3 ? " F 2" : " A 0").append(" 0 1");
      }
      groups.add(new PathGroupSpec(SelectorSpec.parse("service-time 0"), paths));
    }
    table = new MultipathTable(List.of("queue_if_no_path"), List.of("alua"), 1, groups);
    tableText = table.format();
    statusText = status.toString();
    nameList = nameListReply(1000);
    listing = new IoctlDeviceMapper(new CannedListControl(nameList));
  }

  /**
   * DM_LIST_DEVICES as dm-ioctl.c answers it: if the caller's buffer is smaller than the reply,
   * only the header comes back with DM_BUFFER_FULL_FLAG; otherwise the whole dm_name_list.
   */
  static final class CannedListControl implements DmControl {
    private final ByteBuffer reply;
    private final int needed;

    CannedListControl(ByteBuffer reply) {
      this.reply = reply;
      int off = DmAbi.DM_IOCTL_SIZE;
      int end = off;
      while (true) {
        int next = reply.getInt(off + 8);
        if (next == 0) {
          end = off + 12;
          while (reply.get(end) != 0) {
            end++;
          }
          end = (end + 1 + 7) & ~7;
          end += 8;
          while (reply.get(end) != 0) {
            end++;
          }
          end++;
          break;
        }
        off += next;
      }
      this.needed = end;
    }

    @Override
    public void ioctl(DmIoctl command, ByteBuffer buffer) throws ErrnoException {
      if (command != DmIoctl.DM_LIST_DEVICES) {
        throw new ErrnoException(command.name(), 22);
      }
      ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      int flags = b.getInt(DmAbi.OFF_FLAGS);
      if (b.capacity() < needed) {
        b.putInt(0, 4).putInt(4, 47).putInt(8, 0).putInt(DmAbi.OFF_FLAGS, flags | DmAbi.DM_BUFFER_FULL_FLAG);
        return;
      }
      b.put(0, reply, 0, needed);
      b.putInt(DmAbi.OFF_DATA_SIZE, needed).putInt(DmAbi.OFF_FLAGS, flags);
    }

    @Override
    public boolean pollIn(int timeoutMillis) {
      return false;
    }

    @Override
    public DmControl reopen() {
      return this;
    }

    @Override
    public String path() {
      return "canned";
    }

    @Override
    public void close() {
    }
  }

  /** A DM_LIST_DEVICES reply as dm-ioctl.c lays it out (kernel 4.47, DM_UUID_FLAG). */
  static ByteBuffer nameListReply(int n) {
    ByteBuffer b = ByteBuffer.allocateDirect(256 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 4).putInt(4, 47).putInt(12, b.capacity()).putInt(16, DmAbi.DM_IOCTL_SIZE);
    int off = DmAbi.DM_IOCTL_SIZE;
    for (int i = 0; i < n; i++) {
      byte[] name = String.format("mpath%s", alias(i)).getBytes(StandardCharsets.UTF_8);
      byte[] uuid = String.format("mpath-36001405%024x", i).getBytes(StandardCharsets.UTF_8);
      b.putLong(off, new DevT(253, i).encode());
      b.put(off + 12, name);
      b.put(off + 12 + name.length, (byte) 0);
      int tail = (off + 12 + name.length + 1 + 7) & ~7;
      b.putInt(tail, i % 17).putInt(tail + 4, DmAbi.DM_NAME_LIST_FLAG_HAS_UUID);
      b.put(tail + 8, uuid);
      b.put(tail + 8 + uuid.length, (byte) 0);
      int next = ((tail + 8 + uuid.length + 1 + 7) & ~7) - off;
      b.putInt(off + 8, i == n - 1 ? 0 : next);
      off += next;
    }
    return b;
  }

  static String alias(int i) {
    StringBuilder sb = new StringBuilder();
    for (int n = i + 1; n > 0; n = (n - 1) / 26) {
      sb.append((char) ('a' + (n - 1) % 26));
    }
    return sb.reverse().toString();
  }

  @Benchmark
  public MultipathTable tableEncodeDecode64Paths() {
    return MultipathTable.parse(table.format());
  }

  @Benchmark
  public String tableEncode64Paths() {
    return table.format();
  }

  @Benchmark
  public MultipathTable tableDecode64Paths() {
    return MultipathTable.parse(tableText);
  }

  @Benchmark
  public MultipathStatus statusDecode64Paths() {
    return MultipathStatus.parse(statusText);
  }

  @Benchmark
  public List<DmDevice> listDecode1000Maps() {
    return DmIoctlCodec.nameList(nameList);
  }

  @Benchmark
  public List<DmDevice> list1000MapsThroughIoctlDeviceMapper() {
    return listing.list();
  }

  public static void main(String[] args) throws Exception {
    DmCodecBench self = new DmCodecBench();
    self.setUp();
    if (self.listDecode1000Maps().size() != 1000 || !self.tableDecode64Paths().equals(self.table)
        || !self.list1000MapsThroughIoctlDeviceMapper().equals(self.listDecode1000Maps())) {
      throw new IllegalStateException("benchmark inputs do not decode");
    }
    System.out.println("table: " + self.tableText.length() + " chars, status: " + self.statusText.length()
        + " chars, name list: 1000 maps");
    if (args.length > 0 && args[0].equals("--quick")) {
      quick(self);
      return;
    }
    new Runner(new OptionsBuilder().include(DmCodecBench.class.getName()).build()).run();
  }

  /** Without JMH: best (min) batch average of 20 batches, robust to a loaded machine. */
  static void quick(DmCodecBench b) {
    report("tableEncodeDecode64Paths", () -> b.tableEncodeDecode64Paths());
    report("tableEncode64Paths", () -> b.tableEncode64Paths());
    report("tableDecode64Paths", () -> b.tableDecode64Paths());
    report("statusDecode64Paths", () -> b.statusDecode64Paths());
    report("listDecode1000Maps", () -> b.listDecode1000Maps());
    report("list1000MapsThroughIoctlDM", () -> b.list1000MapsThroughIoctlDeviceMapper());
  }

  static void report(String name, java.util.function.Supplier<Object> op) {
    int batch = 200;
    long best = Long.MAX_VALUE;
    Object sink = null;
    for (int round = 0; round < 60; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < batch; i++) {
        sink = op.get();
      }
      long per = (System.nanoTime() - t0) / batch;
      if (round >= 20) {
        best = Math.min(best, per);
      }
    }
    System.out.printf("%-28s best batch avg %,10.2f us/op  (%s)%n", name, best / 1000.0, sink == null ? "" : "ok");
  }
}
