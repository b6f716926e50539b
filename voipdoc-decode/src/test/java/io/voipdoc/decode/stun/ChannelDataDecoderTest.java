package io.voipdoc.decode.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelDataDecoderTest {

  @Test
  void channelDataWithPadding() {
    // channel 0x4001, 5 bytes of payload, padded to 8 as over TCP (RFC 8656 §12.5)
    byte[] b = StunDecoderTest.hex("4001 0005 0102030405 000000");
    assertTrue(ChannelDataDecoder.accepts(b, 0, b.length));
    ChannelData d = ChannelDataDecoder.decode(b, 0, b.length);
    assertEquals(new ChannelData(0x4001, 5, 4, 5, null), d);
  }

  @Test
  void truncated() {
    byte[] b = StunDecoderTest.hex("4fff 0004 80000001");
    for (int n = 0; n < b.length; n++) {
      ChannelData d = ChannelDataDecoder.decode(b, 0, n);
      assertFalse(ChannelDataDecoder.accepts(b, 0, n));
      if (d != null) {
        assertEquals(StunProblem.CHANNEL_DATA_TRUNCATED, d.problem());
        assertEquals(n - 4, d.payloadLength());
      }
    }
    ChannelData whole = ChannelDataDecoder.decode(b, 0, b.length);
    assertNotNull(whole);
    assertNull(whole.problem());
  }

  @Test
  void outsideChannelRange() {
    byte[] stun = StunDecoderTest.hex("0001 0000 2112a442");
    assertNull(ChannelDataDecoder.decode(stun, 0, stun.length));
    byte[] high = StunDecoderTest.hex("5000 0000");
    assertFalse(ChannelDataDecoder.accepts(high, 0, high.length));
    assertNull(ChannelDataDecoder.decode(high, 0, high.length));
  }
}
