package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
  private static final byte[] SIP =
      Packets.ethernet(
          Packets.ipv4(
              "192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, Packets.text("OPTIONS"))));
  private static final byte[] RTP = Packets.ethernet(Packets.ipv4("192.0.2.1", "192.0.2.2", 17,
      Packets.udp(4000, 4002, new byte[172])));

  /** 2023-11-14T22:13:20.123456789Z */
  private static final long T = 1_700_000_000_123_456_789L;

  private static byte[] twoPackets(ByteOrder order, boolean nanos) throws IOException {
    return CaptureBuilder.inMemory(
        out ->
            CaptureBuilder.pcap(out, LinkType.ETHERNET, order, nanos, 65535)
                .packet(T, SIP)
                .packet(T + 20_000_000, RTP));
  }

  @Test
  void littleEndianMicroseconds() throws Exception {
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(twoPackets(ByteOrder.LITTLE_ENDIAN, false), log);
    assertEquals(2, frames.size());
    FrameCopy first = frames.get(0);
    assertEquals(1, first.number());
    assertEquals(1_700_000_000_123_456_000L, first.timestampNanos()); // microseconds kept
    assertEquals(LinkType.ETHERNET, first.linkType());
    assertEquals(SIP.length, first.capturedLength());
    assertEquals(SIP.length, first.originalLength());
    assertEquals(24, first.fileOffset());
    assertArrayEquals(SIP, first.bytes());
    FrameCopy second = frames.get(1);
    assertEquals(2, second.number());
    assertEquals(24 + 16 + SIP.length, second.fileOffset());
    assertArrayEquals(RTP, second.bytes());
    assertEquals(0, log.total());
  }

  @Test
  void bigEndianNanoseconds() throws Exception {
    AnomalyLog log = new AnomalyLog();
    byte[] bytes = twoPackets(ByteOrder.BIG_ENDIAN, true);
    assertEquals((byte) 0xa1, bytes[0]);
    assertEquals((byte) 0x4d, bytes[3]);
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(T, frames.get(0).timestampNanos());
    assertEquals(T + 20_000_000, frames.get(1).timestampNanos());
    assertArrayEquals(RTP, frames.get(1).bytes());
    assertEquals(0, log.total());
  }

  @Test
  void linkTypeIgnoresFcsBits() throws Exception {
    byte[] bytes = twoPackets(ByteOrder.LITTLE_ENDIAN, false);
    bytes[23] = 0x14; // FCS present, 4 bytes (bits 26..28 of the link type field)
    try (CaptureReader reader = FrameCopy.open(bytes, new AnomalyLog())) {
      assertEquals(List.of(LinkType.ETHERNET), reader.linkTypes());
      assertEquals(CaptureFormat.PCAP, reader.format());
    }
  }

  @Test
  void snaplenCutIsNotAnAnomaly() throws Exception {
    AnomalyLog log = new AnomalyLog();
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcap(out, LinkType.ETHERNET, ByteOrder.LITTLE_ENDIAN, false, 64)
                    .packet(0, T, RTP, 64, RTP.length));
    FrameCopy frame = FrameCopy.readAll(bytes, log).get(0);
    assertEquals(64, frame.capturedLength());
    assertEquals(RTP.length, frame.originalLength());
    assertArrayEquals(Arrays.copyOf(RTP, 64), frame.bytes());
    assertEquals(0, log.total());
  }

  /** Kuznetsov's format: 8 more bytes (ifindex, protocol, packet type, pad) per record header. */
  @Test
  void modifiedPcap() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(24 + 2 * (24 + SIP.length)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    b.putInt(65535).putInt(LinkType.ETHERNET);
    for (int i = 0; i < 2; i++) {
      b.putInt(1_700_000_000 + i).putInt(250_000).putInt(SIP.length).putInt(SIP.length);
      b.putInt(2).putShort((short) 0x0800).put((byte) 4).put((byte) 0);
      b.put(SIP);
    }
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(b.array(), log);
    assertEquals(2, frames.size());
    assertEquals(1_700_000_001_250_000_000L, frames.get(1).timestampNanos());
    assertEquals(24 + 24 + SIP.length, frames.get(1).fileOffset());
    assertArrayEquals(SIP, frames.get(1).bytes());
    assertEquals(0, log.total());
  }

  @Test
  void impossibleCaptureLengthStopsReading() throws Exception {
    byte[] bytes = twoPackets(ByteOrder.BIG_ENDIAN, false);
    int second = 24 + 16 + SIP.length;
    ByteBuffer.wrap(bytes).putInt(second + 8, 262_145);
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(1, frames.size());
    assertEquals(
        List.of(new Anomaly("pcap.record_length_impossible", "mem", 0, second,
            "caplen=262145 max=262144")),
        log.examples());
  }

  @Test
  void largestAllowedCaptureLengthIsRead() throws Exception {
    byte[] big = new byte[262_144];
    big[big.length - 1] = 42;
    byte[] bytes =
        CaptureBuilder.inMemory(out -> CaptureBuilder.pcap(out, LinkType.ETHERNET).packet(T, big));
    AnomalyLog log = new AnomalyLog();
    FrameCopy frame = FrameCopy.readAll(bytes, log).get(0);
    assertEquals(262_144, frame.capturedLength());
    assertEquals(42, frame.bytes()[262_143]);
    assertEquals(0, log.total());
  }

  /** Every prefix of a valid file: complete records are delivered, the cut one is reported. */
  @Test
  void truncated() throws Exception {
    byte[] bytes = twoPackets(ByteOrder.LITTLE_ENDIAN, false);
    int second = 24 + 16 + SIP.length;
    for (int n = 0; n < bytes.length; n++) {
      byte[] prefix = Arrays.copyOf(bytes, n);
      AnomalyLog log = new AnomalyLog();
      if (n < 24) {
        UnreadableCaptureException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                UnreadableCaptureException.class, () -> FrameCopy.readAll(prefix, log), "n=" + n);
        assertEquals(
            n == 0 ? UnreadableCaptureException.Reason.EMPTY
                : UnreadableCaptureException.Reason.NOT_A_CAPTURE,
            e.reason(), "n=" + n);
        assertTrue(n == 0 || e.detail().startsWith("truncated"), e.detail());
        continue;
      }
      List<FrameCopy> frames = FrameCopy.readAll(prefix, log);
      int expectedFrames = n < second ? 0 : 1;
      assertEquals(expectedFrames, frames.size(), "n=" + n);
      boolean cut = n != 24 && n != second;
      assertEquals(cut ? 1 : 0, log.total(), "n=" + n);
      if (cut) {
        Anomaly a = log.examples().get(0);
        assertEquals("pcap.record_truncated", a.id());
        assertEquals(n < second ? 24 : second, a.offset(), "n=" + n);
      }
    }
  }

  /** Offsets are longs: a stream of more than 2 GiB is read to its end with exact offsets. */
  @Test
  void fileOffsetsBeyond2GiB() throws Exception {
    int recordLength = 16 + 65_535;
    long records = (1L << 31) / recordLength + 2;
    AnomalyLog log = new AnomalyLog();
    try (CaptureReader reader =
        Captures.open("big", new SyntheticPcap(records, 65_535), log, CaptureConfig.DEFAULTS)) {
      Frame f = new Frame();
      long n = 0;
      long lastOffset = -1;
      while (reader.next(f)) {
        n++;
        lastOffset = f.fileOffset;
      }
      assertEquals(records, n);
      assertEquals(24 + (records - 1) * recordLength, lastOffset);
      assertTrue(lastOffset > Integer.MAX_VALUE);
      assertEquals(24 + records * recordLength, reader.position());
    }
    assertEquals(0, log.total());
  }

  /** A pcap file of identical records, generated on the fly. */
  static final class SyntheticPcap implements ReadableByteChannel {
    private final byte[] header = new byte[24];
    private final byte[] record;
    private long remaining;
    private int headerDone;
    private int recordPos;

    SyntheticPcap(long records, int caplen) {
      ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
          .putInt(262_144).putInt(1);
      record = new byte[16 + caplen];
      ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(1_700_000_000).putInt(0).putInt(caplen).putInt(caplen);
      remaining = records;
    }

    @Override
    public int read(ByteBuffer dst) {
      int n = 0;
      while (dst.hasRemaining() && headerDone < header.length) {
        dst.put(header[headerDone++]);
        n++;
      }
      while (dst.hasRemaining() && remaining > 0) {
        int k = Math.min(dst.remaining(), record.length - recordPos);
        dst.put(record, recordPos, k);
        n += k;
        recordPos += k;
        if (recordPos == record.length) {
          recordPos = 0;
          remaining--;
        }
      }
      return n == 0 && remaining == 0 ? -1 : n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
