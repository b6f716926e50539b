package io.voipdoc.decode.tunnel;

import static io.voipdoc.testkit.Packets.hep2;
import static io.voipdoc.testkit.Packets.hep3;
import static io.voipdoc.testkit.Packets.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HepDecoderTest {
  private static final byte[] SIP = text("BYE sip:b@c SIP/2.0\r\n\r\n");
  private final Frame frame = new Frame();
  private final AnomalyLog anomalies = new AnomalyLog();
  private final HepMessage out = new HepMessage();

  /** A HEP3 message written out field by field from the HEP3 chunk table. */
  @Test
  void hep3FromTheChunkTable() {
    byte[] m = HexFormat.of().parseHex(
        "48455033" + "0046"                       // "HEP3", total length 70
            + "0000" + "0001" + "0007" + "02"     // IP family: AF_INET
            + "0000" + "0002" + "0007" + "11"     // IP protocol: UDP
            + "0000" + "0003" + "000a" + "c0000201" // IPv4 source 192.0.2.1
            + "0000" + "0004" + "000a" + "c0000202" // IPv4 destination 192.0.2.2
            + "0000" + "0007" + "0008" + "13c4"   // source port 5060
            + "0000" + "0008" + "0008" + "13c5"   // destination port 5061
            + "1234" + "0001" + "0007" + "ff"     // vendor chunk: skipped
            + "0000" + "000f" + "0007" + "41");   // payload "A"
    assertEquals(70, m.length);
    assertTrue(HepDecoder.accepts(m, 0, m.length, false));
    assertTrue(HepDecoder.decode(m, 0, m.length, out, frame, anomalies));
    assertEquals(3, out.version);
    assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, Arrays.copyOf(out.src, 4));
    assertEquals(5060, out.srcPort);
    assertEquals(5061, out.dstPort);
    assertEquals(17, out.protocol);
    assertEquals(1, out.payloadLength);
    assertEquals('A', m[out.payloadOffset]);
    assertEquals(-1, out.captureId);
    assertFalse(out.hasTimestamp);
  }

  @Test
  void hep2WithLittleEndianTime() {
    byte[] m = hep2("192.0.2.1", "192.0.2.2", 17, 5060, 5060, 1_600_000_000L, 123, 9, SIP);
    assertTrue(HepDecoder.accepts(m, 0, m.length, false));
    assertTrue(HepDecoder.decode(m, 0, m.length, out, frame, anomalies));
    assertEquals(1_600_000_000L, out.timestampSeconds);
    assertEquals(123, out.timestampMicros);
    assertEquals(9, out.captureId);
    assertEquals(SIP.length, out.payloadLength);
  }

  @Test
  void stunIsNotHep() {
    // a STUN binding request (RFC 5389): type 0x0001, length 0, magic cookie, transaction ID
    byte[] stun = HexFormat.of().parseHex("000100002112a442" + "000000000000000000000000");
    assertFalse(HepDecoder.accepts(stun, 0, stun.length, false));
  }

  @Test
  void chunkLengthBelowItsHeaderIsAnAnomaly() {
    byte[] m = hep3("192.0.2.1", "192.0.2.2", 17, 1, 2, 3L, 4, 1, 5, SIP);
    m[6 + 4] = 0;
    m[6 + 5] = 3;
    assertFalse(HepDecoder.decode(m, 0, m.length, out, frame, anomalies));
    assertEquals(1L, anomalies.counts().get("hep.chunk_length_invalid"));
  }

  @Test
  void truncated() {
    for (byte[] m : List.of(
        hep3("2001:db8::1", "2001:db8::2", 6, 1, 2, 3L, 4, 1, 5, SIP),
        hep2("192.0.2.1", "192.0.2.2", 17, 5060, 5060, 1L, 2, 3, SIP))) {
      int payloadStart = m.length - SIP.length;
      for (int n = 0; n < payloadStart; n++) {
        byte[] cut = Arrays.copyOf(m, n);
        AnomalyLog log = new AnomalyLog();
        if (HepDecoder.accepts(cut, 0, n, true)) {
          assertFalse(HepDecoder.decode(cut, 0, n, out, frame, log), "prefix " + n);
          assertTrue(log.total() >= 1, "prefix " + n);
        }
      }
    }
  }

  @Test
  void streamFramerHandlesEverySplit() {
    byte[] a = hep3("192.0.2.1", "192.0.2.2", 17, 1, 2, 3L, 4, 1, 5, SIP);
    byte[] b = hep3("192.0.2.3", "192.0.2.4", 17, 1, 2, 3L, 4, 1, 5, SIP);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(a);
    both.writeBytes(b);
    byte[] stream = both.toByteArray();
    for (int cut = 0; cut <= stream.length; cut++) {
      HepStreamFramer framer = new HepStreamFramer();
      List<byte[]> messages = new ArrayList<>();
      HepStreamFramer.Handler h = (d, o, l) -> messages.add(Arrays.copyOfRange(d, o, o + l));
      framer.append(stream, 0, cut, h, frame, anomalies);
      framer.append(stream, cut, stream.length - cut, h, frame, anomalies);
      assertEquals(2, messages.size(), "cut " + cut);
      assertArrayEquals(a, messages.get(0));
      assertArrayEquals(b, messages.get(1));
      assertEquals(0, framer.buffered());
    }
    assertEquals(0, anomalies.total());
  }

  @Test
  void streamFramerSkipsJunkToTheNextMessage() {
    byte[] a = hep3("192.0.2.1", "192.0.2.2", 17, 1, 2, 3L, 4, 1, 5, SIP);
    byte[] junk = text("xyz");
    byte[] stream = new byte[junk.length + a.length];
    System.arraycopy(junk, 0, stream, 0, junk.length);
    System.arraycopy(a, 0, stream, junk.length, a.length);
    List<Integer> lengths = new ArrayList<>();
    new HepStreamFramer().append(stream, 0, stream.length, (d, o, l) -> lengths.add(l), frame, anomalies);
    assertEquals(List.of(a.length), lengths);
    assertEquals(1L, anomalies.counts().get("hep.stream_bytes_skipped"));
  }
}
