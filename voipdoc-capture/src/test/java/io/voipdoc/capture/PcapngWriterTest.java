package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.Packets;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngWriterTest {
  private static final long T = 1_700_000_000_123_456_789L;
  private static final byte[] UDP =
      Packets.ethernet(
          Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, new byte[101])));
  private static final byte[] RAW =
      Packets.ipv4("198.51.100.1", "198.51.100.2", 17, Packets.udp(4000, 4002, new byte[30]));

  @TempDir Path dir;

  @Test
  void framesOfTwoInputsReadBackWithTimesLengthsBytesAndLinkTypes() throws Exception {
    byte[] file = write(List.of(frame("a.pcap", 1, T, 0, LinkType.ETHERNET, UDP, 80, UDP.length),
        frame("b.pcapng", 7, T + 1, 0, LinkType.RAW, RAW, RAW.length, RAW.length),
        frame("a.pcap", 2, T + 999_999_999L, 0, LinkType.ETHERNET, UDP, UDP.length, UDP.length)));
    List<FrameCopy> back = read(file);
    assertEquals(3, back.size());
    FrameCopy first = back.get(0);
    assertEquals(1, first.number());
    assertEquals(T, first.timestampNanos());
    assertEquals(80, first.capturedLength());
    assertEquals(UDP.length, first.originalLength());
    assertEquals(LinkType.ETHERNET, first.linkType());
    assertArrayEquals(Arrays.copyOf(UDP, 80), first.bytes());
    FrameCopy second = back.get(1);
    assertEquals(T + 1, second.timestampNanos());
    assertEquals(LinkType.RAW, second.linkType());
    assertEquals(1, second.interfaceId());
    assertArrayEquals(RAW, second.bytes());
    FrameCopy third = back.get(2);
    assertEquals(0, third.interfaceId(), "same input and interface share one description");
    assertEquals(T + 999_999_999L, third.timestampNanos());
    assertArrayEquals(UDP, third.bytes());
  }

  @Test
  void sameInterfaceIdOfDifferentInputsGetsItsOwnDescription() throws Exception {
    byte[] file = write(List.of(frame("a", 1, T, 0, LinkType.ETHERNET, UDP, UDP.length, UDP.length),
        frame("b", 1, T, 0, LinkType.ETHERNET, UDP, UDP.length, UDP.length),
        frame("a", 2, T, 1, LinkType.ETHERNET, UDP, UDP.length, UDP.length)));
    List<FrameCopy> back = read(file);
    assertEquals(List.of(0, 1, 2), back.stream().map(f -> f.interfaceId()).toList());
  }

  @Test
  void everyPacketCarriesItsOriginAsComment() throws Exception {
    byte[] file = write(List.of(frame("calls/x.pcap", 42, T, 0, LinkType.ETHERNET, UDP, 3, 3)));
    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("calls/x.pcap#42"), text);
    assertEquals(0, file.length % 4, "blocks end on 32-bit boundaries");
  }

  @Test
  void roundTripOfARealCaptureKeepsEveryFrame() throws Exception {
    Path corpus = Path.of(System.getProperty("voipdoc.shared"), "corpus");
    Path pcap = corpus.resolve("sip/pkts-sipp.pcap");
    Assumptions.assumeTrue(Files.isRegularFile(pcap), "shared corpus not present: " + corpus);
    List<FrameCopy> original = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureReader reader = Captures.open(new CaptureInput("in", pcap), new AnomalyLog());
        PcapngWriter writer = new PcapngWriter(out)) {
      Frame f = new Frame();
      while (reader.next(f)) {
        writer.write(f);
        original.add(FrameCopy.of(f));
      }
    }
    List<FrameCopy> back = read(out.toByteArray());
    assertEquals(original.size(), back.size());
    for (int i = 0; i < back.size(); i++) {
      assertEquals(original.get(i).timestampNanos(), back.get(i).timestampNanos(), "frame " + i);
      assertEquals(original.get(i).originalLength(), back.get(i).originalLength(), "frame " + i);
      assertArrayEquals(original.get(i).bytes(), back.get(i).bytes(), "frame " + i);
    }
  }

  /** tshark reads the written file with the same frame count, times and lengths. */
  @Test
  void tsharkReadsTheSameFrames() throws Exception {
    Assumptions.assumeTrue(run("tshark", "-v") != null, "tshark not installed");
    Path file = dir.resolve("out.pcapng");
    Files.write(file, write(List.of(frame("a", 1, T, 0, LinkType.ETHERNET, UDP, 80, UDP.length),
        frame("b", 3, T + 5, 0, LinkType.RAW, RAW, RAW.length, RAW.length),
        frame("a", 2, T + 1_000_000_000L, 0, LinkType.ETHERNET, UDP, UDP.length, UDP.length))));
    String fields = run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.time_epoch",
        "-e", "frame.cap_len", "-e", "frame.len", "-e", "frame.comment", "-e", "udp.dstport");
    assertEquals(
        List.of(
            "1700000000.123456789\t80\t" + UDP.length + "\ta#1\t5060",
            "1700000000.123456794\t" + RAW.length + "\t" + RAW.length + "\tb#3\t4002",
            "1700000001.123456789\t" + UDP.length + "\t" + UDP.length + "\ta#2\t5060"),
        fields.lines().toList());
  }

  private static Frame frame(String input, long number, long time, int iface, int linkType,
      byte[] data, int captured, int original) {
    Frame f = new Frame();
    f.input = input;
    f.number = number;
    f.timestampNanos = time;
    f.interfaceId = iface;
    f.linkType = linkType;
    f.data = data;
    f.offset = 0;
    f.capturedLength = captured;
    f.originalLength = original;
    return f;
  }

  private static byte[] write(List<Frame> frames) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PcapngWriter w = new PcapngWriter(new BufferedOutputStream(bytes))) {
      for (Frame f : frames) {
        w.write(f);
      }
      assertEquals(frames.size(), w.frames());
    }
    return bytes.toByteArray();
  }

  private static List<FrameCopy> read(byte[] file) throws Exception {
    AnomalyLog anomalies = new AnomalyLog();
    List<FrameCopy> frames = new ArrayList<>();
    try (CaptureReader r = Captures.open("out", Channels.newChannel(new ByteArrayInputStream(file)),
        anomalies, CaptureConfig.DEFAULTS)) {
      assertEquals(CaptureFormat.PCAPNG, r.format());
      Frame f = new Frame();
      while (r.next(f)) {
        frames.add(FrameCopy.of(f));
      }
    }
    assertEquals(0, anomalies.total(), anomalies.counts().toString());
    return frames;
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return p.exitValue() == 0 ? out : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }
}
