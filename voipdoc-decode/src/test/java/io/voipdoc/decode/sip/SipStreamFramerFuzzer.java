package io.voipdoc.decode.sip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@link SipStreamFramer}: a stream fed in fuzzer-chosen pieces, with gaps, must
 * never throw, never buffer more than its limit, and deliver messages that decode fully. Seeds are
 * in {@code SipStreamFramerFuzzerInputs/frame}.
 */
class SipStreamFramerFuzzer {
  private static final SipStreamFramerConfig SMALL =
      new SipStreamFramerConfig(2048, 16, SipDecoderConfig.DEFAULT);

  @FuzzTest(maxDuration = "30s")
  void frame(FuzzedDataProvider data) {
    SipStreamFramer framer = new SipStreamFramer(SMALL);
    while (data.remainingBytes() > 0) {
      int piece = data.consumeInt(0, 600);
      if (piece == 0) {
        framer.gap(data.consumeInt(0, 100));
        continue;
      }
      byte[] bytes = data.consumeBytes(piece);
      framer.feed(bytes, 0, bytes.length);
      for (SipMessage m = framer.next(); m != null; m = framer.next()) {
        if (m.bytes().length > SMALL.maxMessageSize()) {
          throw new IllegalStateException("message above the limit: " + m.bytes().length);
        }
        m.problems();
      }
    }
    framer.end();
    for (SipMessage m = framer.next(); m != null; m = framer.next()) {
      m.problems();
    }
    framer.drainProblems();
  }
}
