package io.voipdoc.decode.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SdpDecoderTest {
  static final Path TORTURE =
      Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus", "sip-messages", "rfc4475");

  static SessionDescription decode(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return SdpDecoder.decode(b, 0, b.length);
  }

  static List<String> ids(SessionDescription s) {
    return s.problems().stream().map(p -> p.problem().id()).collect(Collectors.toList());
  }

  /** The example of RFC 8866 §5. */
  static final String RFC8866 =
      "v=0\r\n"
          + "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\n"
          + "s=Call to John Smith\r\n"
          + "i=SDP Offer #1\r\n"
          + "u=http://www.jdoe.example.com/home.html\r\n"
          + "e=Jane Doe <jane@jdoe.example.com>\r\n"
          + "p=+1 617 555-6011\r\n"
          + "c=IN IP4 198.51.100.1\r\n"
          + "t=0 0\r\n"
          + "m=audio 49170 RTP/AVP 0\r\n"
          + "m=audio 49180 RTP/AVP 0\r\n"
          + "m=video 51372 RTP/AVP 99\r\n"
          + "c=IN IP6 2001:db8::2\r\n"
          + "a=rtpmap:99 h263-1998/90000\r\n";

  @Test
  void rfc8866Example() {
    SessionDescription s = decode(RFC8866);
    assertTrue(s.problems().isEmpty(), s.problems().toString());
    assertEquals(0, s.version());
    assertEquals(
        new Origin("jdoe", "3724394400", "3724394405", "IN", "IP4", "198.51.100.1"), s.origin());
    assertEquals("Call to John Smith", s.sessionName());
    assertEquals(List.of(new Timing(0, 0)), s.timings());
    assertEquals(3, s.media().size());
    MediaDescription a = s.media().get(0);
    assertEquals("audio", a.media());
    assertEquals(49170, a.port());
    assertEquals("RTP/AVP", a.proto());
    assertEquals("198.51.100.1", a.effectiveAddress());
    assertEquals(List.of(new Codec(0, "PCMU", 8000, 1, null)), a.codecs());
    assertEquals(Direction.SENDRECV, a.effectiveDirection());
    MediaDescription v = s.media().get(2);
    assertEquals("2001:db8::2", v.effectiveAddress());
    assertEquals("IP6", v.effectiveConnection().addrType());
    assertEquals(List.of(new Codec(99, "h263-1998", 90000, 1, null)), v.codecs());
  }

  /** A WebRTC offer: bundle, rtcp-mux, DTLS, many candidates including IPv6 and TCP ones. */
  static final String WEBRTC =
      "v=0\r\n"
          + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
          + "s=-\r\n"
          + "t=0 0\r\n"
          + "a=group:BUNDLE 0 1\r\n"
          + "a=extmap-allow-mixed\r\n"
          + "a=msid-semantic: WMS\r\n"
          + "a=ice-options:trickle ice2\r\n"
          + "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n"
          + "c=IN IP4 0.0.0.0\r\n"
          + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
          + "a=candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host generation 0\r\n"
          + "a=candidate:1853887674 1 udp 1518280447 47.61.61.61 36768 typ srflx raddr 192.168.0.196"
          + " rport 46243 generation 0 network-id 1\r\n"
          + "a=candidate:2157334355 1 udp 2122194687 2001:db8:85a3::8a2e:370:7334 46244 typ host"
          + " generation 0\r\n"
          + "a=candidate:435653019 1 tcp 1845501695 192.168.0.196 9 typ host tcptype active"
          + " generation 0\r\n"
          + "a=candidate:3 1 UDP 92217087 198.51.100.7 61234 typ relay raddr 47.61.61.61 rport 36768\r\n"
          + "a=end-of-candidates\r\n"
          + "a=ice-ufrag:EsAw\r\n"
          + "a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\n"
          + "a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:"
          + "34:8E:5E:EA:6F:AF:52:CE:E6:0F\r\n"
          + "a=setup:actpass\r\n"
          + "a=mid:0\r\n"
          + "a=sendrecv\r\n"
          + "a=rtcp-mux\r\n"
          + "a=rtpmap:111 opus/48000/2\r\n"
          + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
          + "a=rtpmap:63 red/48000/2\r\n"
          + "a=rtpmap:110 telephone-event/48000\r\n"
          + "a=rtpmap:126 telephone-event/8000\r\n"
          + "a=ptime:20\r\n"
          + "a=maxptime:120\r\n"
          + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
          + "c=IN IP4 0.0.0.0\r\n"
          + "a=mid:1\r\n"
          + "a=recvonly\r\n"
          + "a=rtcp-mux\r\n"
          + "a=rtpmap:96 VP8/90000\r\n";

  @Test
  void webrtcOffer() {
    SessionDescription s = decode(WEBRTC);
    assertTrue(s.problems().isEmpty(), s.problems().toString());
    assertEquals(List.of(new Group("BUNDLE", List.of("0", "1"))), s.groups());
    assertEquals(List.of("trickle", "ice2"), s.iceOptions());
    assertFalse(s.iceLite());
    MediaDescription audio = s.media().get(0);
    assertEquals("0", audio.mid());
    assertTrue(audio.rtcpMux());
    assertEquals(new Rtcp(9, "0.0.0.0"), audio.rtcp());
    assertEquals("EsAw", audio.iceUfrag());
    assertEquals("P2uYro0UCOQ4zxjKXaWCBui1", audio.icePwd());
    assertEquals("sha-256", audio.fingerprint().hashFunction());
    assertEquals("actpass", audio.setup());
    assertTrue(audio.endOfCandidates());
    assertEquals(20, audio.ptime());
    assertEquals(120, audio.maxptime());
    assertEquals("minptime=10;useinbandfec=1", audio.fmtp("111"));
    List<Candidate> c = audio.candidates();
    assertEquals(5, c.size());
    assertEquals("host", c.get(0).type());
    assertEquals("UDP", c.get(0).transport());
    assertEquals(2122260223L, c.get(0).priority());
    assertEquals(0, c.get(0).generation());
    Candidate srflx = c.get(1);
    assertEquals("srflx", srflx.type());
    assertEquals("47.61.61.61", srflx.address());
    assertEquals(36768, srflx.port());
    assertEquals("192.168.0.196", srflx.relatedAddress());
    assertEquals(46243, srflx.relatedPort());
    assertEquals(new io.voipdoc.decode.sdp.Attribute("network-id", "1"), srflx.extensions().get(1));
    assertEquals("2001:db8:85a3::8a2e:370:7334", c.get(2).address());
    assertEquals("TCP", c.get(3).transport());
    assertEquals("active", c.get(3).tcpType());
    assertEquals("relay", c.get(4).type());
    List<Codec> codecs = audio.codecs();
    assertEquals(8, codecs.size());
    assertEquals(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), codecs.get(0));
    assertEquals(new Codec(9, "G722", 8000, 1, null), codecs.get(2));
    assertEquals(new Codec(8, "PCMA", 8000, 1, null), codecs.get(4));
    assertEquals(new Codec(13, "CN", 8000, 1, null), codecs.get(5));
    MediaDescription video = s.media().get(1);
    assertEquals(Direction.RECVONLY, video.effectiveDirection());
    // the session-level values reach the video section
    assertNull(video.attribute("ice-ufrag"));
    assertEquals("EsAw", audio.iceUfrag());
    assertFalse(video.endOfCandidates());
  }

  /** RFC 8839 §5.1 grammar examples, and ones that break it. */
  @Test
  void candidates() {
    Candidate c = Candidate.parse("1 1 UDP 2130706431 10.0.1.1 8998 typ host");
    assertNotNull(c);
    assertEquals("1", c.foundation());
    assertEquals(1, c.component());
    assertEquals(2130706431L, c.priority());
    assertEquals("10.0.1.1", c.address());
    assertEquals(8998, c.port());
    assertNull(c.relatedAddress());
    Candidate r = Candidate.parse("2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998");
    assertEquals("10.0.1.1", r.relatedAddress());
    assertEquals(8998, r.relatedPort());
    assertNull(Candidate.parse("1 1 UDP 2130706431 10.0.1.1 8998 host"));
    assertNull(Candidate.parse("1 1 UDP 99999999999 10.0.1.1 8998 typ host"));
    assertNull(Candidate.parse("1 1 UDP 1 10.0.1.1 70000 typ host"));
    assertNull(Candidate.parse("1 1 UDP 1 10.0.1.1 8998 typ host raddr"));
    SessionDescription s =
        decode("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nc=IN IP4 10.0.1.1\r\nm=audio 1 RTP/AVP 0\r\n"
            + "a=candidate:1 1 UDP 1 10.0.1.1 8998 typ\r\n");
    assertEquals(List.of("sdp.bad_candidate"), ids(s));
  }

  @Test
  void directionMediaOverridesSession() {
    SessionDescription s =
        decode("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 224.2.1.1/127/3\r\nt=0 0\r\na=sendonly\r\n"
            + "m=audio 5000/2 RTP/AVP 0\r\na=inactive\r\nm=audio 5004 RTP/AVP 8\r\n"
            + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4 UNENCRYPTED_SRTCP\r\n");
    assertEquals(Direction.SENDONLY, s.direction());
    assertEquals(Direction.INACTIVE, s.media().get(0).effectiveDirection());
    assertEquals(Direction.SENDONLY, s.media().get(1).effectiveDirection());
    assertEquals(2, s.media().get(0).portCount());
    Connection c = s.connection();
    assertEquals("224.2.1.1", c.address());
    assertEquals(127, c.ttl());
    assertEquals(3, c.count());
    Crypto k = s.media().get(1).cryptos().get(0);
    assertEquals(1, k.tag());
    assertEquals("AES_CM_128_HMAC_SHA1_80", k.suite());
    assertEquals(List.of("UNENCRYPTED_SRTCP"), k.sessionParams());
    assertTrue(s.problems().isEmpty(), s.problems().toString());
  }

  @Test
  void sdpOfRfc4475Sdp01() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(TORTURE), "shared corpus not present: " + TORTURE);
    byte[] b = Files.readAllBytes(TORTURE.resolve("sdp01.dat"));
    String text = new String(b, StandardCharsets.UTF_8);
    int body = text.indexOf("\r\n\r\n") + 4;
    SessionDescription s = SdpDecoder.decode(b, body, b.length - body);
    // "a=rtpmap:31 LPC" has no clock rate (RFC 8866 §6.6 requires one): reported, name kept
    assertEquals(List.of(new SdpProblem.At(SdpProblem.BAD_ATTRIBUTE, 133, "rtpmap")), s.problems());
    assertEquals("192.0.2.5", s.origin().address());
    assertEquals(2, s.media().size());
    assertEquals(List.of("0", "12"), s.media().get(0).formats());
    assertEquals(
        List.of(new Codec(0, "PCMU", 8000, 1, null), new Codec(12, "QCELP", 8000, 1, null)),
        s.media().get(0).codecs());
    assertEquals(3227, s.media().get(1).port());
    assertEquals(List.of(new Codec(31, "LPC", -1, 1, null)), s.media().get(1).codecs());
    assertEquals("192.0.2.5", s.media().get(1).effectiveAddress());
  }

  @Test
  void hostileInputs() {
    SessionDescription empty = decode("");
    assertEquals(List.of("sdp.missing_field", "sdp.missing_field", "sdp.missing_field", "sdp.missing_field"), ids(empty));
    SessionDescription longLine = decode("v=0\r\na=x:" + "y".repeat(10_000) + "\r\ns=-\r\n");
    assertTrue(ids(longLine).contains("sdp.line_too_long"));
    assertTrue(longLine.attributes().isEmpty());
    byte[] bad = "v=0\r\ns=\u00ff\u00fe\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(ids(SdpDecoder.decode(bad, 0, bad.length)).contains("sdp.non_utf8"));
    SessionDescription broken =
        decode("v=1\no=short\ns=-\nt=x\nc=IN IP4\nb=AS\nm=audio x RTP/AVP 0\nm=audio 1 RTP/AVP\n"
            + "a=rtpmap:x\na=ptime:fast\nnot a line\n");
    assertEquals(
        List.of("sdp.bare_lf", "sdp.bad_version", "sdp.bad_origin", "sdp.bad_timing",
            "sdp.bad_connection", "sdp.bad_bandwidth", "sdp.bad_media", "sdp.bad_media",
            "sdp.bad_attribute", "sdp.bad_attribute", "sdp.bad_line", "sdp.no_connection"),
        ids(broken));
    assertEquals(1, broken.media().size());
    StringBuilder many = new StringBuilder("v=0\r\n");
    for (int i = 0; i < 100; i++) {
      many.append("m=audio ").append(i).append(" RTP/AVP 0\r\n");
    }
    SessionDescription limited = decode(many.toString());
    assertEquals(SdpDecoderConfig.DEFAULT_MAX_MEDIA_SECTIONS, limited.media().size());
    assertTrue(ids(limited).contains("sdp.limit_exceeded"));
  }

  /**
   * Found by SdpDecoderFuzzer: an m= line whose value is only spaces split into no fields, and the
   * media type was read from the empty array (ArrayIndexOutOfBoundsException). The field count is
   * now checked before any field is read.
   */
  @Test
  void mediaLineOfSpaces() {
    for (String m : new String[] {"m= ", "m=   ", "m= 1", "m= 1 RTP/AVP 0", "m=audio"}) {
      SessionDescription s = decode("v=0\r\n" + m + "\r\n");
      assertTrue(ids(s).contains("sdp.bad_media"), m);
      assertTrue(s.media().isEmpty(), m);
    }
  }

  @Test
  void truncated() {
    byte[] b = WEBRTC.getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < b.length; n++) {
      SessionDescription s = SdpDecoder.decode(b, 0, n);
      assertNotNull(s);
      if (n < WEBRTC.indexOf("t=0 0")) {
        assertFalse(s.problems().isEmpty(), "prefix " + n);
      }
    }
    byte[] r = RFC8866.getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < r.length; n++) {
      assertNotNull(SdpDecoder.decode(r, 0, n));
    }
  }
}
