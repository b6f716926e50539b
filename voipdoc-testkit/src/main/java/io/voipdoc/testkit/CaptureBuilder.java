package io.voipdoc.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes classic pcap or pcapng captures, deterministically, to a stream.
 *
 * <p>Use {@link #pcap(int)} or {@link #pcapng()} and then {@link #packet} for each record. For
 * pcapng, declare interfaces with {@link #iface(int, int)} first.
 */
public final class CaptureBuilder {
  private final OutputStream out;
  private final boolean ng;
  private final ByteOrder order;
  private final boolean nanos;
  private final List<Integer> tsResolutions = new ArrayList<>();

  private CaptureBuilder(OutputStream out, boolean ng, ByteOrder order, boolean nanos) {
    this.out = out;
    this.ng = ng;
    this.order = order;
    this.nanos = nanos;
  }

  /** A classic pcap writer, little-endian, microsecond timestamps, snaplen 262144. */
  public static CaptureBuilder pcap(OutputStream out, int linkType) throws IOException {
    return pcap(out, linkType, ByteOrder.LITTLE_ENDIAN, false, 262144);
  }

  /** A classic pcap writer with the given byte order, resolution and snaplen. */
  public static CaptureBuilder pcap(
      OutputStream out, int linkType, ByteOrder order, boolean nanos, int snaplen)
      throws IOException {
    CaptureBuilder b = new CaptureBuilder(out, false, order, nanos);
    ByteBuffer h = ByteBuffer.allocate(24).order(order);
    h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
    h.putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
    out.write(h.array());
    return b;
  }

  /** A pcapng writer with one section header block in the given byte order. */
  public static CaptureBuilder pcapng(OutputStream out, ByteOrder order) throws IOException {
    CaptureBuilder b = new CaptureBuilder(out, true, order, false);
    b.section();
    return b;
  }

  /** Starts a new pcapng section (interfaces of earlier sections are forgotten). */
  public CaptureBuilder section() throws IOException {
    ByteBuffer h = ByteBuffer.allocate(28).order(order);
    h.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0);
    h.putLong(-1L).putInt(28);
    out.write(h.array());
    tsResolutions.clear();
    return this;
  }

  /**
   * Declares a pcapng interface with the given link type and timestamp resolution as the
   * if_tsresol option byte (6 = microseconds, 9 = nanoseconds, 0x80|n = 2^-n seconds).
   */
  public CaptureBuilder iface(int linkType, int tsresol) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(32).order(order);
    h.putInt(1).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(0);
    h.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
    h.putShort((short) 0).putShort((short) 0);
    h.putInt(32);
    out.write(h.array());
    tsResolutions.add(tsresol);
    return this;
  }

  /**
   * Declares a pcapng interface with a snaplen, an if_tsresol option byte (see {@link #iface(int,
   * int)}) and an if_tsoffset option (seconds added to every timestamp of the interface).
   */
  public CaptureBuilder iface(int linkType, int snaplen, int tsresol, long tsoffsetSeconds)
      throws IOException {
    ByteBuffer h = ByteBuffer.allocate(44).order(order);
    h.putInt(1).putInt(44).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
    h.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
    h.putShort((short) 14).putShort((short) 8).putLong(tsoffsetSeconds);
    h.putShort((short) 0).putShort((short) 0);
    h.putInt(44);
    out.write(h.array());
    tsResolutions.add(tsresol);
    return this;
  }

  /**
   * Writes a pcapng enhanced packet block whose timestamp is given in the interface's own ticks
   * (units of its if_tsresol), so that any resolution can be written exactly.
   */
  public CaptureBuilder packetAtTicks(
      int iface, long ticks, byte[] data, int capturedLength, int originalLength)
      throws IOException {
    return packetBlock(6, iface, ticks, data, capturedLength, originalLength);
  }

  /**
   * Writes an obsolete pcapng packet block (type 2: 16-bit interface ID, 16-bit drops count) with
   * the timestamp in the interface's ticks.
   */
  public CaptureBuilder obsoletePacket(
      int iface, long ticks, byte[] data, int capturedLength, int originalLength)
      throws IOException {
    return packetBlock(2, iface, ticks, data, capturedLength, originalLength);
  }

  private CaptureBuilder packetBlock(
      int type, int iface, long ticks, byte[] data, int capturedLength, int originalLength)
      throws IOException {
    int pad = (4 - capturedLength % 4) % 4;
    int total = 32 + capturedLength + pad;
    ByteBuffer h = ByteBuffer.allocate(28).order(order);
    h.putInt(type).putInt(total);
    if (type == 2) {
      h.putShort((short) iface).putShort((short) 0);
    } else {
      h.putInt(iface);
    }
    h.putInt((int) (ticks >>> 32)).putInt((int) ticks);
    h.putInt(capturedLength).putInt(originalLength);
    out.write(h.array());
    out.write(data, 0, capturedLength);
    out.write(new byte[pad]);
    out.write(ByteBuffer.allocate(4).order(order).putInt(total).array());
    return this;
  }

  /**
   * Writes a pcapng simple packet block (type 3: original length and data, no interface or
   * timestamp) holding all of {@code data}.
   */
  public CaptureBuilder simplePacket(byte[] data, int originalLength) throws IOException {
    int pad = (4 - data.length % 4) % 4;
    int total = 16 + data.length + pad;
    out.write(ByteBuffer.allocate(12).order(order).putInt(3).putInt(total).putInt(originalLength)
        .array());
    out.write(data);
    out.write(new byte[pad]);
    out.write(ByteBuffer.allocate(4).order(order).putInt(total).array());
    return this;
  }

  /** Writes one packet on interface 0 (pcapng) or to the file (pcap), untruncated. */
  public CaptureBuilder packet(long timestampNanos, byte[] data) throws IOException {
    return packet(0, timestampNanos, data, data.length, data.length);
  }

  /**
   * Writes one packet record.
   *
   * @param iface pcapng interface index (ignored for pcap)
   * @param timestampNanos capture time, nanoseconds since the epoch
   * @param data packet bytes; the first {@code capturedLength} are written
   * @param capturedLength bytes written to the record
   * @param originalLength length on the wire
   */
  public CaptureBuilder packet(
      int iface, long timestampNanos, byte[] data, int capturedLength, int originalLength)
      throws IOException {
    if (!ng) {
      ByteBuffer h = ByteBuffer.allocate(16).order(order);
      long sec = Math.floorDiv(timestampNanos, 1_000_000_000L);
      long frac = Math.floorMod(timestampNanos, 1_000_000_000L);
      h.putInt((int) sec).putInt((int) (nanos ? frac : frac / 1000));
      h.putInt(capturedLength).putInt(originalLength);
      out.write(h.array());
      out.write(data, 0, capturedLength);
      return this;
    }
    int pad = (4 - capturedLength % 4) % 4;
    int total = 32 + capturedLength + pad;
    long ts = ticks(timestampNanos, tsResolutions.isEmpty() ? 6 : tsResolutions.get(iface));
    ByteBuffer h = ByteBuffer.allocate(28).order(order);
    h.putInt(6).putInt(total).putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts);
    h.putInt(capturedLength).putInt(originalLength);
    out.write(h.array());
    out.write(data, 0, capturedLength);
    out.write(new byte[pad]);
    out.write(ByteBuffer.allocate(4).order(order).putInt(total).array());
    return this;
  }

  /** Writes an arbitrary pcapng block of the given type with the given body (padded). */
  public CaptureBuilder block(int type, byte[] body) throws IOException {
    int pad = (4 - body.length % 4) % 4;
    int total = 12 + body.length + pad;
    out.write(ByteBuffer.allocate(8).order(order).putInt(type).putInt(total).array());
    out.write(body);
    out.write(new byte[pad]);
    out.write(ByteBuffer.allocate(4).order(order).putInt(total).array());
    return this;
  }

  private static long ticks(long nanos, int tsresol) {
    if ((tsresol & 0x80) != 0) {
      int shift = tsresol & 0x7f;
      return (long) (nanos / 1e9 * Math.pow(2, shift));
    }
    long perSecond = 1;
    for (int i = 0; i < tsresol; i++) {
      perSecond *= 10;
    }
    return Math.floorDiv(nanos, 1_000_000_000L) * perSecond
        + Math.floorMod(nanos, 1_000_000_000L) * perSecond / 1_000_000_000L;
  }

  /** Convenience: builds a capture in memory. */
  public static byte[] inMemory(IoConsumer<ByteArrayOutputStream> recipe) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    recipe.accept(bytes);
    return bytes.toByteArray();
  }

  /** Convenience: writes a capture file. */
  public static Path toFile(Path file, IoConsumer<ByteArrayOutputStream> recipe)
      throws IOException {
    Files.write(file, inMemory(recipe));
    return file;
  }

  /** A consumer that may throw {@link IOException}. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }
}
