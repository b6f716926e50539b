package io.voipdoc.decode.sip;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@link SipDecoder}: any bytes must decode, or give null, without throwing, and
 * every typed view must be readable. Plain {@code mvn test} runs the committed seeds in {@code
 * SipDecoderFuzzerInputs/decode}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class SipDecoderFuzzer {
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] data) {
    boolean accepted = SipDecoder.accepts(data, 0, data.length);
    SipMessage m = SipDecoder.decode(data, 0, data.length);
    if (m == null) {
      return;
    }
    if (!accepted && data.length <= SipDecoder.ACCEPT_SCAN_LIMIT) {
      throw new IllegalStateException("decoded but not accepted");
    }
    m.problems();
    m.requestUri();
    m.route();
    m.reason();
    m.sdp();
    m.userAgent();
    for (int i = 0; i < m.headerCount(); i++) {
      m.values(m.headerName(i));
    }
  }
}
