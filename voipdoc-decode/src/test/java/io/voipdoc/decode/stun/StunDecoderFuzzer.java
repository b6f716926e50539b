package io.voipdoc.decode.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for STUN and ChannelData. Plain {@code mvn test} replays the committed seeds in
 * {@code StunDecoderFuzzerInputs/decode/}; {@code JAZZER_FUZZ=1} fuzzes for real for 30 s per run.
 */
class StunDecoderFuzzer {
  private static final StunDecoder DECODER = new StunDecoder(new StunConfig(8));

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] data) {
    StunDecoder.accepts(data, 0, data.length);
    StunMessage m = DECODER.decode(data, 0, data.length);
    if (m != null) {
      m.stunClass();
      m.method();
      m.transactionIdHex();
      m.mappedAddress();
      m.xorMappedAddress();
      m.xorPeerAddress();
      m.xorRelayedAddress();
      m.alternateServer();
      m.otherAddress();
      m.responseOrigin();
      m.username();
      m.errorCode();
      m.unknownAttributes();
      m.priority();
      m.iceControlling();
      m.channelNumber();
      m.requestedTransport();
      m.data();
      m.userhash();
      m.verifyIntegrity(new byte[] {1, 2, 3});
      for (StunAttribute a : m.attributes()) {
        m.value(a);
      }
    }
    ChannelData d = ChannelDataDecoder.decode(data, 0, data.length);
    if (d != null && d.payloadOffset() + d.payloadLength() > data.length) {
      throw new IllegalStateException("payload beyond input: " + d);
    }
  }
}
