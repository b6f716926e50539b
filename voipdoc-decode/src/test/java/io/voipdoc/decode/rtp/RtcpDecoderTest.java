package io.voipdoc.decode.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtcpDecoderTest {
  private final RtcpDecoder decoder = new RtcpDecoder();

  /** SR with one report block, then SDES with CNAME "ab", then BYE with reason "x". */
  static final String SR_SDES_BYE =
      "81c8 000c 11111111 e1b2c3d4 80000000 000000a0 00000010 00000a00"
          + " 22222222 05 fffffe 00010064 0000000c 12345678 00008000"
          + " 81ca 0003 11111111 0102 6162 00000000"
          + " 81cb 0002 11111111 0178 0000";

  /** RR without blocks, XR with a VoIP metrics block, PSFB PLI, APP "TEST". */
  static final String RR_XR_PSFB_APP =
      "80c9 0001 33333333"
          + " 80cf 000a 33333333 07 00 0008 44444444 0a 00 10 20 0028 01f4 0064 0032"
          + " dd c4 7f 10 5d 7f 29 2b 8b 00 0028 0050 00c8"
          + " 81ce 0002 33333333 44444444"
          + " 82cc 0003 33333333 54455354 01020304";

  private RtcpCompound decode(String hex) {
    byte[] b = RtpDecoderTest.hex(hex);
    assertTrue(RtcpDecoder.accepts(b, 0, b.length));
    RtcpCompound c = decoder.decode(b, 0, b.length);
    assertNotNull(c);
    return c;
  }

  @Test
  void senderReportSdesBye() {
    RtcpCompound c = decode(SR_SDES_BYE);
    assertEquals(Set.of(), c.problems());
    assertEquals(3, c.packets().size());
    RtcpPacket.SenderReport sr = assertInstanceOf(RtcpPacket.SenderReport.class, c.packets().get(0));
    assertEquals(0x11111111L, sr.ssrc());
    assertEquals(0xe1b2c3d480000000L, sr.ntpTimestamp());
    assertEquals(0xa0, sr.rtpTimestamp());
    assertEquals(16, sr.packetCount());
    assertEquals(2560, sr.octetCount());
    assertEquals(
        List.of(new ReportBlock(0x22222222L, 5, -2, 0x10064L, 12, 0x12345678L, 0x8000)),
        sr.reports());
    RtcpPacket.SourceDescription sdes =
        assertInstanceOf(RtcpPacket.SourceDescription.class, c.packets().get(1));
    assertEquals("ab", sdes.chunks().get(0).cname());
    RtcpPacket.Bye bye = assertInstanceOf(RtcpPacket.Bye.class, c.packets().get(2));
    assertEquals(List.of(0x11111111L), bye.ssrcs());
    assertEquals("x", bye.reason());
  }

  @Test
  void receiverReportXrFeedbackApp() {
    RtcpCompound c = decode(RR_XR_PSFB_APP);
    assertEquals(Set.of(), c.problems());
    RtcpPacket.ReceiverReport rr =
        assertInstanceOf(RtcpPacket.ReceiverReport.class, c.packets().get(0));
    assertEquals(List.of(), rr.reports());
    RtcpPacket.ExtendedReport xr =
        assertInstanceOf(RtcpPacket.ExtendedReport.class, c.packets().get(1));
    assertEquals(0, xr.otherBlocks());
    VoipMetrics m = xr.voipMetrics().get(0);
    assertEquals(0x44444444L, m.ssrc());
    assertEquals(10, m.lossRate());
    assertEquals(0x10, m.burstDensity());
    assertEquals(40, m.burstDuration());
    assertEquals(500, m.gapDuration());
    assertEquals(100, m.roundTripDelay());
    assertEquals(50, m.endSystemDelay());
    assertEquals(-35, m.signalLevel());
    assertEquals(-60, m.noiseLevel());
    assertEquals(93, m.rFactor());
    assertEquals(41, m.mosLq());
    assertEquals(43, m.mosCq());
    assertEquals(40, m.jitterBufferNominal());
    assertEquals(200, m.jitterBufferAbsoluteMaximum());
    assertEquals(
        new RtcpPacket.Feedback(206, 1, 0x33333333L, 0x44444444L, 0), c.packets().get(2));
    assertEquals(new RtcpPacket.App(2, 0x33333333L, "TEST", 4), c.packets().get(3));
  }

  @Test
  void truncated() {
    for (String vector : new String[] {SR_SDES_BYE, RR_XR_PSFB_APP}) {
      byte[] b = RtpDecoderTest.hex(vector);
      int whole = decode(vector).packets().size();
      for (int n = 0; n < b.length; n++) {
        RtcpCompound c = decoder.decode(b, 0, n);
        if (n < 4) {
          assertNull(c);
        } else {
          // damaged, or cut exactly at a packet boundary and so a shorter valid compound
          assertNotNull(c);
          assertTrue(
              !c.problems().isEmpty() || c.packets().size() < whole, vector + " prefix " + n);
        }
      }
    }
  }

  @Test
  void reportBlocksBeyondPacketAreReported() {
    // RR claiming 2 blocks with room for one
    RtcpCompound c =
        decode("82c9 0007 33333333 22222222 05 fffffe 00010064 0000000c 12345678 00008000");
    assertEquals(Set.of(RtpProblem.RTCP_BODY_OVERRUN), c.problems());
    assertEquals(
        1, assertInstanceOf(RtcpPacket.ReceiverReport.class, c.packets().get(0)).reports().size());
  }

  @Test
  void notRtcp() {
    byte[] rtp = RtpDecoderTest.hex(RtpDecoderTest.PCMU);
    assertFalse(RtcpDecoder.accepts(rtp, 0, rtp.length));
    assertNull(decoder.decode(rtp, 0, rtp.length));
  }

  @Test
  void packetCountIsBounded() {
    RtcpDecoder small = new RtcpDecoder(new RtpConfig(4, 2));
    byte[] b = RtpDecoderTest.hex("80c9 0001 00000001 80c9 0001 00000002 80c9 0001 00000003");
    RtcpCompound c = small.decode(b, 0, b.length);
    assertEquals(2, c.packets().size());
    assertEquals(Set.of(RtpProblem.RTCP_TOO_MANY_PACKETS), c.problems());
  }
}
