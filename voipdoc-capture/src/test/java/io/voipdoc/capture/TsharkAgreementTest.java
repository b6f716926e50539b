package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares every frame (number, time, interface, captured and original length) with what {@code
 * tshark -r} reads from the same file, for captures that the shared corpus does not contain
 * (big-endian, nanoseconds, modified pcap, several sections, unusual resolutions, simple and
 * obsolete packet blocks) and for two real pcapng files. Skipped where tshark is not installed.
 */
class TsharkAgreementTest {
  private static final byte[] UDP =
      Packets.ethernet(
          Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, new byte[100])));
  private static final long T = 1_700_000_000_123_456_789L;

  @TempDir static Path dir;

  @BeforeAll
  static void tsharkPresent() {
    Assumptions.assumeTrue(run("tshark", "-v") != null, "tshark not installed");
  }

  @Test
  void bigEndianNanosecondPcap() throws Exception {
    compare(
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcap(out, LinkType.ETHERNET, ByteOrder.BIG_ENDIAN, true, 80)
                    .packet(0, T, UDP, 80, UDP.length)
                    .packet(0, T + 999_999_999, UDP, 80, UDP.length)),
        2);
  }

  @Test
  void modifiedPcap() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(24 + 2 * (24 + UDP.length)).order(ByteOrder.BIG_ENDIAN);
    b.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putLong(0);
    b.putInt(65535).putInt(LinkType.ETHERNET);
    for (int i = 0; i < 2; i++) {
      b.putInt(1_700_000_000 + i).putInt(999_999).putInt(UDP.length).putInt(UDP.length);
      b.putInt(3).putShort((short) 0x0800).put((byte) 0).put((byte) 0).put(UDP);
    }
    compare(b.array(), 2);
  }

  /** Frame numbers include the systemd journal (5) and custom (7) blocks, as in Wireshark. */
  @Test
  void pcapngWithEveryPacketBlockAndSection() throws Exception {
    byte[] first =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN)
                    .iface(LinkType.ETHERNET, 0, 0x80 | 20, 3600)
                    .iface(LinkType.ETHERNET, 0, 9, -7200)
                    .iface(LinkType.ETHERNET, 0, 3, 0)
                    .block(4, new byte[] {0, 0, 0, 0})
                    .packetAtTicks(0, (1_700_000_000L << 20) + 777_777, UDP, UDP.length, 1500)
                    .packetAtTicks(1, T, UDP, 60, UDP.length)
                    .packetAtTicks(2, 1_700_000_000_123L, UDP, UDP.length, UDP.length)
                    .obsoletePacket(1, T + 5, UDP, UDP.length, UDP.length)
                    .block(5, new byte[16])
                    .block(9, "__REALTIME_TIMESTAMP=1700000000000000\nMESSAGE=x\n"
                        .getBytes(StandardCharsets.UTF_8))
                    .packetAtTicks(0, 1L << 20, UDP, UDP.length, UDP.length));
    byte[] second =
        CaptureBuilder.inMemory(
            out ->
                CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
                    .iface(LinkType.ETHERNET, 64, 6, 0)
                    .block(0xBAD, new byte[12])
                    .packetAtTicks(0, 1_700_000_000_000_001L, UDP, 64, UDP.length)
                    // a simple packet holds at most snaplen bytes (section 4.4)
                    .simplePacket(java.util.Arrays.copyOf(UDP, 64), UDP.length));
    compare(PcapngReaderTest.concat(first, second), 7);
  }

  @Test
  void realPcapngFiles() throws Exception {
    Path corpus = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus", "sip");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not present: " + corpus);
    compare(corpus.resolve("sipnab-b2bua-asterisk.pcapng"), 416);
    compare(corpus.resolve("sipnab-sip-routing-error.pcapng"), 58);
  }

  private static void compare(byte[] bytes, int expectedFrames) throws Exception {
    Path file = Files.createTempFile(dir, "cap", ".bin");
    Files.write(file, bytes);
    compare(file, expectedFrames);
  }

  /** Ours and tshark's frames, as "number time interface caplen len" lines. */
  private static void compare(Path file, int expectedFrames) throws Exception {
    String out =
        run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number", "-e",
            "frame.time_epoch", "-e", "frame.interface_id", "-e", "frame.cap_len", "-e",
            "frame.len", "-Y", "eth"); // leaves out the numbered non-packet records
    List<String> theirs = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      // a simple packet block has no time: tshark prints none, the reader gives 0
      long nanos = f[1].isEmpty() ? 0 : new BigDecimal(f[1]).movePointRight(9).longValueExact();
      String iface = f[2].isEmpty() ? "0" : f[2];
      theirs.add(f[0] + " " + nanos + " " + iface + " " + f[3] + " " + f[4]);
    }
    List<String> ours = new ArrayList<>();
    AnomalyLog log = new AnomalyLog();
    for (FrameCopy c : FrameCopy.readAll(Captures.open(new CaptureInput("t", file), log))) {
      ours.add(c.number() + " " + c.timestampNanos() + " " + c.interfaceId() + " "
          + c.capturedLength() + " " + c.originalLength());
    }
    assertEquals(expectedFrames, ours.size());
    assertEquals(theirs, ours);
    assertEquals(0, log.total());
  }

  /** Standard output of a command, or null when it cannot run. */
  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
