package io.voipdoc.decode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.LinkType;

/**
 * Feeds arbitrary bytes to {@link PacketDecoder} as a frame of each supported link type. The first
 * byte picks the link type, the rest is the frame; two frames are decoded so that reassembly
 * state is exercised too. Seeds are in {@code PacketDecoderFuzzerInputs/decodesAnyFrame}; plain
 * {@code mvn test} runs only them, {@code JAZZER_FUZZ=1} fuzzes for 30 s.
 */
class PacketDecoderFuzzer {
  static final int[] LINK_TYPES = {
    LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV4,
    LinkType.IPV6, LinkType.NULL, LinkType.LOOP, LinkType.NFLOG, 147
  };

  private final PacketDecoder decoder =
      new PacketDecoder(DecodeConfig.DEFAULTS, new PacketListener() {}, new AnomalyLog());

  @FuzzTest(maxDuration = "30s")
  void decodesAnyFrame(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Frame f = new Frame();
    f.linkType = LINK_TYPES[(input[0] & 0xff) % LINK_TYPES.length];
    f.data = input;
    f.offset = 1;
    f.capturedLength = input.length - 1;
    f.originalLength = input.length - 1;
    f.number = 1;
    decoder.decode(f);
    f.number = 2;
    f.timestampNanos = 2_000_000_000L;
    decoder.decode(f);
    decoder.finish();
  }
}
