package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voipdoc.capture.UnreadableCaptureException.Reason;
import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturesTest {
  private static final byte[] SIP =
      Packets.ethernet(
          Packets.ipv4(
              "192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, Packets.text("OPTIONS"))));
  private static final long T = 1_700_000_000_123_456_000L;

  static byte[] pcap() throws IOException {
    return CaptureBuilder.inMemory(
        out -> CaptureBuilder.pcap(out, LinkType.ETHERNET).packet(T, SIP).packet(T + 1000, SIP));
  }

  static byte[] pcapng() throws IOException {
    return CaptureBuilder.inMemory(
        out ->
            CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN)
                .iface(LinkType.RAW, 9)
                .packet(T, SIP)
                .packet(T + 1, SIP));
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private static UnreadableCaptureException unreadable(byte[] bytes) {
    return assertThrows(
        UnreadableCaptureException.class, () -> FrameCopy.readAll(bytes, new AnomalyLog()));
  }

  private static UnreadableCaptureException unreadable(String text) {
    return unreadable(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void gzipIsRemovedForBothFormats() throws Exception {
    for (byte[] plain : List.of(pcap(), pcapng())) {
      AnomalyLog log = new AnomalyLog();
      CaptureReader reader = FrameCopy.open(gzip(plain), log);
      List<FrameCopy> frames = FrameCopy.readAll(reader);
      List<FrameCopy> expected = FrameCopy.readAll(plain, new AnomalyLog());
      assertEquals(2, frames.size());
      for (int i = 0; i < 2; i++) {
        assertEquals(expected.get(i).timestampNanos(), frames.get(i).timestampNanos());
        assertEquals(expected.get(i).fileOffset(), frames.get(i).fileOffset());
        assertArrayEquals(SIP, frames.get(i).bytes());
      }
      assertEquals(plain.length, reader.position());
      assertEquals(0, log.total());
    }
  }

  @Test
  void gzipFileOnDisk(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("call.pcapng.gz"), gzip(pcapng()));
    AnomalyLog log = new AnomalyLog();
    CaptureReader reader = Captures.open(new CaptureInput("call.pcapng.gz", file), log);
    assertEquals(CaptureFormat.PCAPNG, reader.format());
    assertEquals(2, FrameCopy.readAll(reader).size());
  }

  @Test
  void concatenatedGzipMembersAreOneStream() throws Exception {
    byte[] plain = pcap();
    int half = 24 + 16 + SIP.length;
    byte[] twoMembers =
        PcapngReaderTest.concat(
            gzip(Arrays.copyOf(plain, half)), gzip(Arrays.copyOfRange(plain, half, plain.length)));
    assertEquals(2, FrameCopy.readAll(twoMembers, new AnomalyLog()).size());
  }

  @Test
  void truncatedGzipIsReported() throws Exception {
    byte[] compressed = gzip(pcap());
    byte[] cut = Arrays.copyOf(compressed, compressed.length - 12); // trailer and some data
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(cut, log);
    // how much of the cut data still inflates depends on the deflate encoder; the facts agree
    assertEquals(1, frames.size());
    Anomaly gzip = log.examples().get(0);
    Anomaly pcap = log.examples().get(1);
    assertEquals("gzip.stream_truncated", gzip.id());
    assertEquals("pcap.record_truncated", pcap.id());
    assertEquals(24 + 16 + SIP.length, pcap.offset());
    assertEquals(pcap.offset() + Integer.parseInt(pcap.detail().replaceAll(".*available=", "")),
        gzip.offset());
    assertEquals(2, log.total());
  }

  @Test
  void corruptGzipIsReported() throws Exception {
    byte[] compressed = gzip(pcap());
    compressed[compressed.length - 6] ^= 0x55; // uncompressed size in the trailer
    AnomalyLog log = new AnomalyLog();
    List<FrameCopy> frames = FrameCopy.readAll(compressed, log);
    assertEquals(2, frames.size());
    Anomaly a = log.examples().get(0);
    assertEquals("gzip.stream_corrupt", a.id());
    assertEquals("Corrupt GZIP trailer", a.detail());
    assertEquals(pcap().length, a.offset());
  }

  @Test
  void emptyInputs() throws Exception {
    assertEquals(Reason.EMPTY, unreadable(new byte[0]).reason());
    UnreadableCaptureException e = unreadable(gzip(new byte[0]));
    assertEquals(Reason.EMPTY, e.reason());
    assertEquals("gzip", e.detail());
  }

  @Test
  void notACaptureShowsTheFirstBytes() {
    UnreadableCaptureException e = unreadable("INVITE sip:bob@example.com SIP/2.0\r\n");
    assertEquals(Reason.NOT_A_CAPTURE, e.reason());
    assertEquals("494e564954452073", e.detail());
    assertEquals("0102", unreadable(new byte[] {1, 2}).detail());
  }

  @Test
  void cutHeadersAreNotACaptureAndSaySo() throws Exception {
    assertEquals("truncated header: 2 bytes", unreadable(new byte[] {(byte) 0xd4, (byte) 0xc3}).detail());
    assertEquals("truncated header: 3 bytes", unreadable(new byte[] {0x0a, 0x0d, 0x0d}).detail());
    assertEquals(
        "truncated pcap header: 20 of 24 bytes", unreadable(Arrays.copyOf(pcap(), 20)).detail());
    assertEquals(
        "truncated pcapng section header: 27 of 28 bytes",
        unreadable(Arrays.copyOf(pcapng(), 27)).detail());
    assertEquals("truncated gzip header", unreadable(Arrays.copyOf(gzip(pcap()), 5)).detail());
  }

  @Test
  void foreignFormatsAreNamed() throws Exception {
    String[][] cases = {
      {"RTSS\1\1", "Microsoft Network Monitor 1.x"},
      {"GMBU\0\2", "Microsoft Network Monitor 2.x"},
      {"snoop\0\0\0\0\0\0\2", "Sun snoop"},
      {"TRSNIFF data    \u001a", "NA Sniffer (DOS)"},
      {"XCP\0002.00", "NetXRay / Windows Sniffer"},
      {"iptrace 2.0", "AIX iptrace 2.0"},
      {"ObserverPktBufferVersion=15.00", "Network Instruments Observer"},
      {"\u0028\u00b5\u002f\u00fd\0", "zstd-compressed"},
      {"\u0004\"\u004d\u0018", "lz4-compressed"},
      {"\u00fd7zXZ\0", "xz-compressed"},
      {"BZh91AY&SY", "bzip2-compressed"},
    };
    for (String[] c : cases) {
      UnreadableCaptureException e = unreadable(c[0]);
      assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason(), c[1]);
      assertEquals(c[1], e.detail());
    }
    UnreadableCaptureException nested = unreadable(gzip(gzip(pcap())));
    assertEquals(Reason.UNSUPPORTED_FORMAT, nested.reason());
    assertEquals("gzip inside gzip", nested.detail());
    UnreadableCaptureException snoopGz = unreadable(gzip("snoop\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("Sun snoop", snoopGz.detail());
  }

  @Test
  void missingFileAndDirectory(@TempDir Path dir) {
    UnreadableCaptureException missing =
        assertThrows(
            UnreadableCaptureException.class,
            () -> Captures.open(new CaptureInput("nope.pcap", dir.resolve("nope.pcap")), new AnomalyLog()));
    assertEquals(Reason.MISSING, missing.reason());
    assertEquals("nope.pcap", missing.input());
    UnreadableCaptureException directory =
        assertThrows(
            UnreadableCaptureException.class,
            () -> Captures.open(new CaptureInput("d", dir), new AnomalyLog()));
    assertEquals(Reason.NOT_READABLE, directory.reason());
    assertEquals("directory", directory.detail());
  }

  @Test
  void frameCarriesTheDisplayName(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("a.pcap"), pcap());
    try (CaptureReader reader = Captures.open(new CaptureInput("cap/a.pcap", file), new AnomalyLog())) {
      Frame f = new Frame();
      reader.next(f);
      assertEquals("cap/a.pcap", f.input);
      assertEquals(new FrameRef("cap/a.pcap", 1, T, 0), f.ref());
    }
  }
}
