package io.voipdoc.decode.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@link SdpDecoder}: any bytes give a description, never an exception, and every
 * derived view is readable. Seeds are in {@code SdpDecoderFuzzerInputs/decode}.
 */
class SdpDecoderFuzzer {
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] data) {
    SessionDescription s = SdpDecoder.decode(data, 0, data.length);
    s.groups();
    s.iceOptions();
    s.fingerprint();
    for (MediaDescription m : s.media()) {
      m.codecs();
      m.candidates();
      m.cryptos();
      m.rtcp();
      m.fingerprint();
      m.effectiveDirection();
      m.effectiveAddress();
    }
  }
}
