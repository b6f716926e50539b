package io.voipdoc.decode.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for RTP and RTCP. Plain {@code mvn test} replays the committed seeds in {@code
 * RtpDecoderFuzzerInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for real for 30 s per target.
 */
class RtpDecoderFuzzer {
  private static final RtpConfig SMALL = new RtpConfig(2, 4);
  private static final RtpDecoder RTP = new RtpDecoder(SMALL);
  private static final RtcpDecoder RTCP = new RtcpDecoder(SMALL);
  private static final RtpPacket PACKET = new RtpPacket(SMALL);

  @FuzzTest(maxDuration = "30s")
  void rtp(byte[] data) {
    RtpDecoder.accepts(data, 0, data.length);
    if (RTP.decode(data, 0, data.length, PACKET)) {
      int end = PACKET.payloadOffset() + PACKET.payloadLength();
      if (PACKET.payloadOffset() < 0 || end > data.length) {
        throw new IllegalStateException("payload outside input: " + PACKET);
      }
      for (int i = 0; i < PACKET.extensionElementCount(); i++) {
        if (PACKET.extensionElementOffset(i) + PACKET.extensionElementLength(i) > data.length) {
          throw new IllegalStateException("extension element outside input: " + PACKET);
        }
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void rtcp(byte[] data) {
    RtcpDecoder.accepts(data, 0, data.length);
    RtcpCompound c = RTCP.decode(data, 0, data.length);
    if (c != null && c.packets().size() > SMALL.maxRtcpPackets()) {
      throw new IllegalStateException("limit ignored: " + c);
    }
  }
}
