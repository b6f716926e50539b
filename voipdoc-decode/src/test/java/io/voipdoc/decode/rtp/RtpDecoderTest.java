package io.voipdoc.decode.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpDecoderTest {
  private final RtpDecoder decoder = new RtpDecoder();

  /** PCMU, marker, seq 0x1234, ts 0x000000a0, SSRC 0xfebd6340, 4 payload bytes. */
  static final String PCMU = "80 80 1234 000000a0 febd6340 ffffffff";

  /** Two CSRCs, one-byte extension (IDs 1 and 3), padding of 3 bytes. */
  static final String FULL =
      "b2 60 0001 00000002 00000003"
          + " 0000000a 0000000b"
          + " bede 0002 10 aa 00 31 bbcc 00 00"
          + " 0102 000003";

  private RtpPacket decode(String hex) {
    byte[] b = hex(hex);
    RtpPacket p = decoder.decode(b, 0, b.length);
    assertNotNull(p);
    return p;
  }

  @Test
  void fixedHeader() {
    byte[] b = hex(PCMU);
    assertTrue(RtpDecoder.accepts(b, 0, b.length));
    RtpPacket p = decode(PCMU);
    assertEquals(2, p.version());
    assertTrue(p.marker());
    assertEquals(0, p.payloadType());
    assertEquals(0x1234, p.sequence());
    assertEquals(0xa0, p.timestamp());
    assertEquals(0xfebd6340L, p.ssrc());
    assertEquals(0, p.csrcCount());
    assertEquals(12, p.payloadOffset());
    assertEquals(4, p.payloadLength());
    assertEquals(-1, p.extensionProfile());
    assertNull(p.problem());
  }

  @Test
  void csrcsOneByteExtensionAndPadding() {
    RtpPacket p = decode(FULL);
    assertTrue(p.padding());
    assertTrue(p.extension());
    assertFalse(p.marker());
    assertEquals(96, p.payloadType());
    assertEquals(2, p.csrcCount());
    assertEquals(0xa, p.csrc(0));
    assertEquals(0xb, p.csrc(1));
    assertEquals(0xBEDE, p.extensionProfile());
    assertEquals(8, p.extensionLength());
    assertEquals(2, p.extensionElementCount());
    assertEquals(1, p.extensionElementId(0));
    assertEquals(1, p.extensionElementLength(0));
    assertEquals(3, p.extensionElementId(1));
    assertEquals(2, p.extensionElementLength(1));
    assertEquals(28, p.extensionElementOffset(1));
    assertEquals(32, p.payloadOffset());
    assertEquals(2, p.payloadLength());
    assertEquals(3, p.paddingLength());
    assertNull(p.problem());
  }

  @Test
  void twoByteExtension() {
    // profile 0x1000, element ID 200 with 3 bytes, element ID 7 with 0 bytes, one padding byte
    RtpPacket p = decode("90 6f 0002 00000000 00000001 1000 0002 c8 03 010203 07 00 00 ab");
    assertEquals(2, p.extensionElementCount());
    assertEquals(200, p.extensionElementId(0));
    assertEquals(3, p.extensionElementLength(0));
    assertEquals(7, p.extensionElementId(1));
    assertEquals(0, p.extensionElementLength(1));
    assertEquals(1, p.payloadLength());
    assertNull(p.problem());
  }

  @Test
  void truncated() {
    for (String vector : new String[] {PCMU, FULL}) {
      byte[] b = hex(vector);
      for (int n = 0; n < b.length; n++) {
        RtpPacket p = decoder.decode(b, 0, n);
        if (n < 12) {
          assertNull(p);
        } else {
          // a cut packet is either damaged or decodes with a shorter payload
          assertNotNull(p);
          assertTrue(p.problem() != null || p.payloadOffset() + p.payloadLength() <= n);
        }
      }
    }
    byte[] full = hex(FULL);
    RtpPacket cutInExtension = decoder.decode(full, 0, 24);
    assertEquals(RtpProblem.EXTENSION_OVERRUN, cutInExtension.problem());
    RtpPacket cutInCsrc = decoder.decode(full, 0, 16);
    assertEquals(RtpProblem.CSRC_OVERRUN, cutInCsrc.problem());
    assertEquals(1, cutInCsrc.csrcCount());
  }

  @Test
  void rtcpPayloadTypesAreNotRtp() {
    // SR: 0x80 0xc8 reads as marker + PT 72 (RFC 5761 §4)
    byte[] sr = hex("80c8 0006 00000001 0000000000000000 00000000 00000000 00000000");
    assertFalse(RtpDecoder.accepts(sr, 0, sr.length));
    byte[] version1 = hex("40 00 0001 00000000 00000000");
    assertFalse(RtpDecoder.accepts(version1, 0, version1.length));
    assertNull(decoder.decode(version1, 0, version1.length));
    byte[] csrcsMissing = hex("8f 00 0001 00000000 00000000");
    assertFalse(RtpDecoder.accepts(csrcsMissing, 0, csrcsMissing.length));
  }

  @Test
  void invalidPadding() {
    RtpPacket p = decode("a0 00 0001 00000000 00000001 0102 09");
    assertEquals(RtpProblem.PADDING_INVALID, p.problem());
    assertEquals(3, p.payloadLength());
  }

  @Test
  void extensionElementsAreBounded() {
    RtpDecoder small = new RtpDecoder(new RtpConfig(1, 4));
    byte[] b = hex(FULL);
    RtpPacket p = new RtpPacket(new RtpConfig(1, 4));
    assertTrue(small.decode(b, 0, b.length, p));
    assertEquals(1, p.extensionElementCount());
    assertEquals(RtpProblem.TOO_MANY_EXTENSION_ELEMENTS, p.problem());
  }

  @Test
  void holderIsReusedWithoutStaleState() {
    RtpPacket p = new RtpPacket();
    byte[] full = hex(FULL);
    byte[] plain = hex(PCMU);
    assertTrue(decoder.decode(full, 0, full.length, p));
    assertTrue(decoder.decode(plain, 0, plain.length, p));
    assertEquals(-1, p.extensionProfile());
    assertEquals(0, p.extensionElementCount());
    assertEquals(0, p.paddingLength());
    assertEquals(0, p.csrcCount());
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }
}
