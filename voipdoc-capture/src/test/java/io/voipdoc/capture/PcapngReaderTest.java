package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngReaderTest {
  private static final byte[] SIP =
      Packets.ethernet(
          Packets.ipv4(
              "192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, Packets.text("OPTIONS"))));
  private static final byte[] RTP =
      Packets.ethernet(
          Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(4000, 4002, new byte[172])));
  private static final byte[] RAW_IP =
      Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(4000, 4002, new byte[21]));

  /** 2023-11-14T22:13:20.123456789Z */
  private static final long T = 1_700_000_000_123_456_789L;

  private static final int SHB = 28;
  private static final int IDB = 32;

  private static byte[] simple(ByteOrder order) throws IOException {
    return CaptureBuilder.inMemory(
        out ->
            CaptureBuilder.pcapng(out, order)
                .iface(LinkType.ETHERNET, 9)
                .packet(T, SIP)
                .packet(0, T + 1, SIP, 20, SIP.length));
  }

  private static int epbLength(int caplen) {
    return 32 + (caplen + 3) / 4 * 4;
  }

  @Test
  void bothByteOrders() throws Exception {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      AnomalyLog log = new AnomalyLog();
      List<FrameCopy> frames = FrameCopy.readAll(simple(order), log);
      assertEquals(2, frames.size(), order.toString());
      FrameCopy first = frames.get(0);
      assertEquals(1, first.number());
      assertEquals(T, first.timestampNanos());
      assertEquals(LinkType.ETHERNET, first.linkType());
      assertEquals(SHB + IDB, first.fileOffset());
      assertArrayEquals(SIP, first.bytes());
      FrameCopy second = frames.get(1);
      assertEquals(2, second.number());
      assertEquals(T + 1, second.timestampNanos());
      assertEquals(20, second.capturedLength());
      assertEquals(SIP.length, second.originalLength());
      assertEquals(SHB + IDB + epbLength(SIP.length), second.fileOffset());
      assertArrayEquals(Arrays.copyOf(SIP, 20), second.bytes());
      assertEquals(0, log.total(), order.toString());
    }
  }

  /** Interface IDs restart in each section, frame numbers do not; byte order may change. */
  @Test
  void severalSections() throws Exception {
    byte[] first =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .iface(LinkType.RAW, 6)
                    .packet(1, T, RAW_IP, RAW_IP.length, RAW_IP.length));
    byte[] second =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN)
                    .iface(LinkType.LINUX_SLL, 9)
                    .packet(0, T, SIP, SIP.length, SIP.length)
                    .section()
                    .iface(LinkType.ETHERNET, 9)
                    .packet(0, T + 5, SIP, SIP.length, SIP.length));
    AnomalyLog log = new AnomalyLog();
    CaptureReader reader = FrameCopy.open(concat(first, second), log);
    assertEquals(List.of(LinkType.ETHERNET, LinkType.RAW), reader.linkTypes());
    List<FrameCopy> frames = FrameCopy.readAll(reader);
    assertEquals(List.of(1L, 2L, 3L), frames.stream().map(FrameCopy::number).toList());
    assertEquals(List.of(1, 0, 0), frames.stream().map(FrameCopy::interfaceId).toList());
    assertEquals(
        List.of(LinkType.RAW, LinkType.LINUX_SLL, LinkType.ETHERNET),
        frames.stream().map(FrameCopy::linkType).toList());
    assertEquals(T - 789, frames.get(0).timestampNanos()); // microseconds
    assertEquals(T + 5, frames.get(2).timestampNanos());
    assertEquals(first.length, frames.get(1).fileOffset() - SHB - IDB);
    assertArrayEquals(RAW_IP, frames.get(0).bytes());
    assertEquals(
        List.of(LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL), reader.linkTypes());
    assertEquals(0, log.total());
  }

  @Test
  void linkTypesAreKnownBeforeTheFirstPacket() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.LINUX_SLL2, 6)
                    .iface(LinkType.ETHERNET, 6)
                    .iface(LinkType.LINUX_SLL2, 6)
                    .packet(1, T, SIP, SIP.length, SIP.length));
    try (CaptureReader reader = FrameCopy.open(bytes, new AnomalyLog())) {
      assertEquals(List.of(LinkType.LINUX_SLL2, LinkType.ETHERNET), reader.linkTypes());
      assertEquals(CaptureFormat.PCAPNG, reader.format());
      assertEquals(SHB + 3 * IDB, reader.position());
    }
  }

  @Test
  void timestampResolutions() throws Exception {
    long seconds = 1_700_000_000L;
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6) // 0: microseconds
                    .iface(LinkType.ETHERNET, 9) // 1: nanoseconds
                    .iface(LinkType.ETHERNET, 0x80 | 20) // 2: 2^-20 s
                    .iface(LinkType.ETHERNET, 0x80 | 30) // 3: 2^-30 s
                    .iface(LinkType.ETHERNET, 12) // 4: picoseconds
                    .iface(LinkType.ETHERNET, 0) // 5: seconds
                    .packetAtTicks(0, seconds * 1_000_000 + 123_456, SIP, 20, 20)
                    .packetAtTicks(1, seconds * 1_000_000_000 + 123_456_789, SIP, 20, 20)
                    // 0.5 + 2^-20 s: 500000953.67431640625 ns, truncated to 500000953
                    .packetAtTicks(2, (seconds << 20) + (1 << 19) + 1, SIP, 20, 20)
                    // 3 * 2^-30 s = 2.79396772384643555 ns, truncated to 2
                    .packetAtTicks(3, (seconds << 30) + 3, SIP, 20, 20)
                    // 64-bit picoseconds end in 1970: 5.123456789999 s
                    .packetAtTicks(4, 5_123_456_789_999L, SIP, 20, 20)
                    .packetAtTicks(5, seconds, SIP, 20, 20));
    AnomalyLog log = new AnomalyLog();
    List<Long> ts = FrameCopy.readAll(bytes, log).stream().map(FrameCopy::timestampNanos).toList();
    assertEquals(
        List.of(
            1_700_000_000_123_456_000L,
            1_700_000_000_123_456_789L,
            1_700_000_000_500_000_953L,
            1_700_000_000_000_000_002L,
            5_123_456_789L,
            1_700_000_000_000_000_000L),
        ts);
    assertEquals(0, log.total());
  }

  @Test
  void timestampOffsetIsAdded() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN)
                    .iface(LinkType.ETHERNET, 0, 6, 1_600_000_000L)
                    .iface(LinkType.ETHERNET, 0, 9, -3600)
                    .packetAtTicks(0, 100_000_001, SIP, 20, 20)
                    .packetAtTicks(1, 1_700_000_000_000_000_007L, SIP, 20, 20));
    List<FrameCopy> frames = FrameCopy.readAll(bytes, new AnomalyLog());
    assertEquals(1_600_000_100_000_001_000L, frames.get(0).timestampNanos());
    assertEquals(1_699_996_400_000_000_007L, frames.get(1).timestampNanos());
  }

  @Test
  void simplePacketBlockTakesInterfaceZeroAndItsSnaplen() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 64, 6, 0)
                    .simplePacket(RTP, RTP.length) // cut by the snaplen
                    .simplePacket(Arrays.copyOf(RTP, 30), 30) // shorter than the snaplen
                    .simplePacket(Arrays.copyOf(RTP, 40), 1500)); // cut when captured
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(List.of(64, 30, 40), frames.stream().map(FrameCopy::capturedLength).toList());
    assertEquals(
        List.of((long) RTP.length, 30L, 1500L),
        frames.stream().map(FrameCopy::originalLength).toList());
    assertArrayEquals(Arrays.copyOf(RTP, 64), frames.get(0).bytes());
    assertEquals(0, frames.get(0).interfaceId());
    assertEquals(0, frames.get(0).timestampNanos()); // simple packets carry no time
    assertEquals(0, log.total());
  }

  @Test
  void obsoletePacketBlock() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .iface(LinkType.RAW, 6)
                    .obsoletePacket(1, 1_700_000_000_000_001L, RAW_IP, RAW_IP.length, 100)
                    .packet(0, T, SIP, SIP.length, SIP.length));
    List<FrameCopy> frames = FrameCopy.readAll(bytes, new AnomalyLog());
    assertEquals(2, frames.size());
    assertEquals(1, frames.get(0).interfaceId());
    assertEquals(LinkType.RAW, frames.get(0).linkType());
    assertEquals(1_700_000_000_000_001_000L, frames.get(0).timestampNanos());
    assertEquals(100, frames.get(0).originalLength());
    assertArrayEquals(RAW_IP, frames.get(0).bytes());
    assertEquals(2, frames.get(1).number());
  }

  /**
   * Name resolution (4), interface statistics (5), decryption secrets (0x0A) and unknown blocks are
   * skipped; custom blocks (0xBAD, 0x40000BAD) and systemd journal export blocks (9) take a frame
   * number without being delivered, as in Wireshark 4.0 (checked with tshark -r).
   */
  @Test
  void otherBlocksAreSkipped() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .block(4, new byte[] {1, 0, 8, 0, (byte) 192, 0, 2, 1, 'a', '.', 'b', 0})
                    .iface(LinkType.ETHERNET, 6)
                    .block(0x0A, new byte[40])
                    .packet(T, SIP)
                    .block(5, new byte[20])
                    .block(0xBAD, new byte[9])
                    .block(0x40000BAD, new byte[4])
                    .block(0x12345, new byte[3])
                    .block(9, Packets.text("__REALTIME_TIMESTAMP=1\nMESSAGE=x\n"))
                    .packet(T, SIP));
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(List.of(1L, 5L), frames.stream().map(FrameCopy::number).toList());
    assertEquals(0, log.total());
  }

  @Test
  void tooShortRecordBlocksTakeNoFrameNumber() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .block(0xBAD, new byte[0]) // no private enterprise number
                    .block(9, Packets.text("MESSAGE=x\n"))
                    .packet(T, SIP));
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(List.of(1L), frames.stream().map(FrameCopy::number).toList());
    assertEquals(
        List.of(
            new Anomaly("pcapng.block_too_short", "mem", 0, SHB + IDB,
                "type=0xbad length=12 minimum=16"),
            new Anomaly("pcapng.block_too_short", "mem", 0, SHB + IDB + 12,
                "type=0x9 length=24 minimum=35")),
        log.examples());
  }

  @Test
  void packetOnUndefinedInterfaceIsSkipped() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .packetAtTicks(2, 0, SIP, SIP.length, SIP.length)
                    .packet(T, SIP));
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(1, frames.size());
    assertEquals(1, frames.get(0).number());
    assertEquals(
        List.of(new Anomaly("pcapng.interface_undefined", "mem", 0, SHB + IDB,
            "interface=2 defined=1")),
        log.examples());
  }

  @Test
  void simplePacketWithoutInterfaceIsSkipped() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out -> CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN).simplePacket(SIP, 60));
    AnomalyLog log = new AnomalyLog();
    assertEquals(0, FrameCopy.readAll(bytes, log).size());
    assertEquals("pcapng.interface_undefined", log.examples().get(0).id());
    assertEquals(SHB, log.examples().get(0).offset());
  }

  @Test
  void interfacesOfAnEarlierSectionAreForgotten() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .section()
                    .packet(0, T, SIP, SIP.length, SIP.length));
    AnomalyLog log = new AnomalyLog();
    assertEquals(0, FrameCopy.readAll(bytes, log).size());
    assertEquals(
        List.of(new Anomaly("pcapng.interface_undefined", "mem", 0, SHB + IDB + SHB,
            "interface=0 defined=0")),
        log.examples());
  }

  @Test
  void captureLengthBeyondTheBlockIsSkipped() throws Exception {
    byte[] bytes = simple(ByteOrder.LITTLE_ENDIAN);
    int epb = SHB + IDB;
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(epb + 20, 1000);
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(1, frames.size());
    assertEquals(1, frames.get(0).number());
    assertEquals(20, frames.get(0).capturedLength()); // the second packet
    int room = epbLength(SIP.length) - 32;
    assertEquals(
        List.of(new Anomaly("pcapng.packet_length_exceeds_block", "mem", 0, epb,
            "caplen=1000 room=" + room)),
        log.examples());
  }

  @Test
  void corruptBlockLengthsStopReading() throws Exception {
    int epb = SHB + IDB;
    int length = epbLength(SIP.length);
    // {field offset in the EPB, value, expected detail}
    Object[][] cases = {
      {4, 8, "type=0x6 length=8"},
      {4, length + 2, "type=0x6 length=" + (length + 2)},
      {4, 0x7ffffff0, "type=0x6 length=2147483632"},
      {length - 4, length + 4, "type=0x6 length=" + length + " trailing=" + (length + 4)},
      {4, length + 4, "type=0x6 length=" + (length + 4) + " trailing=6"}, // next block's type
    };
    for (Object[] c : cases) {
      byte[] bytes = simple(ByteOrder.BIG_ENDIAN);
      ByteBuffer.wrap(bytes).putInt(epb + (int) c[0], (int) c[1]);
      AnomalyLog log = new AnomalyLog();
      List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
      assertEquals(0, frames.size(), c[2].toString());
      assertEquals(
          List.of(new Anomaly("pcapng.block_length_corrupt", "mem", 0, epb, (String) c[2])),
          log.examples());
    }
  }

  @Test
  void unsupportedSectionVersionStopsReading() throws Exception {
    byte[] bytes = concat(simple(ByteOrder.LITTLE_ENDIAN), simple(ByteOrder.LITTLE_ENDIAN));
    int second = bytes.length / 2;
    bytes[second + 12] = 2;
    AnomalyLog log = new AnomalyLog();
    assertEquals(2, FrameCopy.readAll(bytes, log).size());
    assertEquals(
        List.of(new Anomaly("pcapng.section_version_unsupported", "mem", 0, second,
            "major=2 minor=0")),
        log.examples());
  }

  @Test
  void invalidByteOrderMagicInALaterSectionStopsReading() throws Exception {
    byte[] bytes = concat(simple(ByteOrder.LITTLE_ENDIAN), simple(ByteOrder.LITTLE_ENDIAN));
    int second = bytes.length / 2;
    bytes[second + 8] = 0;
    AnomalyLog log = new AnomalyLog();
    assertEquals(2, FrameCopy.readAll(bytes, log).size());
    assertEquals(
        List.of(new Anomaly("pcapng.byte_order_magic_invalid", "mem", 0, second,
            "magic=0x3c2b1a")),
        log.examples());
  }

  @Test
  void invalidByteOrderMagicInTheFirstSectionIsNotACapture() throws Exception {
    byte[] bytes = simple(ByteOrder.LITTLE_ENDIAN);
    bytes[9] = 0;
    UnreadableCaptureException e =
        assertThrows(
            UnreadableCaptureException.class, () -> FrameCopy.readAll(bytes, new AnomalyLog()));
    assertEquals(UnreadableCaptureException.Reason.NOT_A_CAPTURE, e.reason());
    assertEquals("pcapng byte-order magic 0x4d002b1a", e.detail());
  }

  @Test
  void tooShortBlocks() throws Exception {
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .block(6, new byte[16]) // enhanced packet needs 20 bytes of body
                    .block(1, new byte[4]) // interface needs 8
                    .packet(T, SIP));
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(1, frames.size());
    assertEquals(
        List.of(
            new Anomaly("pcapng.block_too_short", "mem", 0, SHB + IDB,
                "type=0x6 length=28 minimum=32"),
            new Anomaly("pcapng.block_too_short", "mem", 0, SHB + IDB + 28,
                "type=0x1 length=16 minimum=20")),
        log.examples());
  }

  @Test
  void interfaceOptionRunningPastTheBlock() throws Exception {
    ByteBuffer body = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    body.putShort((short) LinkType.ETHERNET).putShort((short) 0).putInt(0);
    body.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]); // if_tsresol=9
    body.putShort((short) 2).putShort((short) 200); // if_name, 200 bytes claimed
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .block(1, body.array())
                    .packetAtTicks(0, 1_700_000_000_000_000_001L, SIP, 20, 20));
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(bytes, log);
    assertEquals(1_700_000_000_000_000_001L, frames.get(0).timestampNanos()); // tsresol kept
    assertEquals(
        List.of(new Anomaly("pcapng.option_length_corrupt", "mem", 0, SHB,
            "code=2 length=200 room=0")),
        log.examples());
  }

  @Test
  void interfaceLimit() throws Exception {
    CaptureConfig config = new CaptureConfig(1 << 16, 1 << 15, 1 << 20, 2, 1 << 16);
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .iface(LinkType.RAW, 6)
                    .iface(LinkType.LINUX_SLL, 6)
                    .packet(1, T, RAW_IP, RAW_IP.length, RAW_IP.length)
                    .packet(2, T, SIP, SIP.length, SIP.length));
    AnomalyLog log = new AnomalyLog();
    CaptureReader reader = FrameCopy.open(bytes, log, config);
    assertEquals(List.of(LinkType.ETHERNET, LinkType.RAW), reader.linkTypes());
    assertEquals(1, FrameCopy.readAll(reader).size());
    assertEquals(
        List.of("pcapng.interface_limit_exceeded", "pcapng.interface_undefined"),
        log.examples().stream().map(Anomaly::id).toList());
    assertEquals("interfaces=3 max=2", log.examples().get(0).detail());
  }

  /**
   * Blocks longer than the read buffer: an unread block is read through (from a stream) or seeked
   * over (in a file); a packet that long is skipped with an anomaly.
   */
  @Test
  void blocksLargerThanTheBuffer(@TempDir Path dir) throws Exception {
    CaptureConfig config = new CaptureConfig(4096, 2048, 1 << 20, 16, 1 << 16);
    byte[] huge = new byte[10_000];
    Arrays.fill(huge, (byte) 0x55);
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .block(0xBAD, huge)
                    .packet(T, SIP)
                    .packet(0, T, huge, huge.length, huge.length)
                    .packet(T, SIP));
    int bigPacket = SHB + IDB + 12 + huge.length + epbLength(SIP.length);
    Path file = Files.write(dir.resolve("big.pcapng"), bytes);
    for (boolean fromFile : new boolean[] {false, true}) {
      AnomalyLog log = new AnomalyLog();
      CaptureReader reader =
          fromFile
              ? Captures.open(new CaptureInput("mem", file), log, config)
              : FrameCopy.open(bytes, log, config);
      List<FrameCopy> frames = FrameCopy.readAll(reader);
      // the custom block is frame 1, the packet too large to hold keeps number 3
      assertEquals(List.of(2L, 4L), frames.stream().map(FrameCopy::number).toList());
      assertEquals(bigPacket + epbLength(huge.length), frames.get(1).fileOffset());
      assertArrayEquals(SIP, frames.get(1).bytes());
      assertEquals(
          List.of(new Anomaly("pcapng.block_too_large", "mem", 3, bigPacket,
              "type=0x6 length=" + epbLength(huge.length) + " buffer=4096")),
          log.examples());
    }
  }

  @Test
  void largeBlockCutShortIsTruncated(@TempDir Path dir) throws Exception {
    CaptureConfig config = new CaptureConfig(4096, 2048, 1 << 20, 16, 1 << 16);
    byte[] bytes =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 6)
                    .packet(T, SIP)
                    .block(0xBAD, new byte[10_000]));
    int custom = SHB + IDB + epbLength(SIP.length);
    byte[] cut = Arrays.copyOf(bytes, custom + 6000);
    Path file = Files.write(dir.resolve("cut.pcapng"), cut);
    for (boolean fromFile : new boolean[] {false, true}) {
      AnomalyLog log = new AnomalyLog();
      CaptureReader reader =
          fromFile
              ? Captures.open(new CaptureInput("mem", file), log, config)
              : FrameCopy.open(cut, log, config);
      assertEquals(1, FrameCopy.readAll(reader).size());
      assertEquals(
          List.of(new Anomaly("pcapng.block_truncated", "mem", 0, custom,
              "type=0xbad length=10012 available=6000")),
          log.examples());
    }
  }

  /** Every prefix: the complete packets are delivered, the cut block is reported. */
  @Test
  void truncated() throws Exception {
    byte[] bytes = simple(ByteOrder.BIG_ENDIAN);
    int epb1 = SHB + IDB;
    int epb2 = epb1 + epbLength(SIP.length);
    int[] blockStarts = {0, SHB, epb1, epb2, bytes.length};
    for (int n = 0; n < bytes.length; n++) {
      byte[] prefix = Arrays.copyOf(bytes, n);
      AnomalyLog log = new AnomalyLog();
      if (n < SHB) {
        UnreadableCaptureException e =
            assertThrows(
                UnreadableCaptureException.class, () -> FrameCopy.readAll(prefix, log), "n=" + n);
        assertTrue(n == 0 || e.detail().startsWith("truncated"), e.detail());
        continue;
      }
      int frames = FrameCopy.readAll(prefix, log).size();
      assertEquals(n < epb2 ? 0 : 1, frames, "n=" + n);
      int cutBlock = 0;
      for (int start : blockStarts) {
        if (start <= n) {
          cutBlock = start;
        }
      }
      if (cutBlock == n) {
        assertEquals(0, log.total(), "n=" + n);
      } else {
        assertEquals(1, log.total(), "n=" + n);
        assertEquals("pcapng.block_truncated", log.examples().get(0).id(), "n=" + n);
        assertEquals(cutBlock, log.examples().get(0).offset(), "n=" + n);
      }
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
