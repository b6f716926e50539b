package io.voipdoc.decode.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoded descriptions share the common words and keep every field's text as written. */
class SdpTokensTest {
  private static final String SDP =
      "v=0\r\no=- 4711 1 IN IP4 192.0.2.%d\r\ns=-\r\nc=IN IP4 192.0.2.%<d\r\nt=0 0\r\n"
          + "m=audio 400%<d RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
          + "a=fmtp:101 0-16\r\na=sendrecv\r\n";

  private static SessionDescription decode(int n) {
    byte[] b = String.format(SDP, n).getBytes(StandardCharsets.US_ASCII);
    return SdpDecoder.decode(b, 0, b.length);
  }

  @Test
  void commonWordsAreOneInstanceOtherFieldsAsWritten() {
    SessionDescription a = decode(1);
    SessionDescription b = decode(2);
    assertSame(a.origin().netType(), b.origin().netType());
    assertSame(a.connection().addrType(), b.connection().addrType());
    MediaDescription ma = a.media().get(0);
    MediaDescription mb = b.media().get(0);
    assertSame(ma.media(), mb.media());
    assertSame(ma.proto(), mb.proto());
    assertSame(ma.formats().get(2), mb.formats().get(2));
    assertSame(ma.attributes().get(0).name(), mb.attributes().get(0).name());
    assertSame(ma.attributes().get(0).value(), mb.attributes().get(0).value());
    assertSame(ma.codecs().get(2).name(), mb.codecs().get(2).name());
    assertEquals("192.0.2.1", a.origin().address());
    assertEquals("192.0.2.2", b.origin().address());
    assertNotSame(a.origin().sessionId(), b.origin().sessionId());
    assertEquals("4711", b.origin().sessionId());
    assertEquals(4001, ma.port());
    assertEquals(java.util.List.of("0", "8", "101"), mb.formats());
    assertEquals("telephone-event", mb.codecs().get(2).name());
    assertEquals("0-16", mb.codecs().get(2).fmtp());
    assertEquals("sendrecv", mb.attributes().get(3).name());
  }

  @Test
  void substringOfAWordThatIsNotCommonIsACopy() {
    assertEquals("PCMX", SdpTokens.substring("0 PCMX/8000", 2, 6));
    assertSame("PCMU", SdpTokens.substring("0 PCMU/8000", 2, 6));
    assertEquals("", SdpTokens.substring("abc", 1, 1));
  }
}
