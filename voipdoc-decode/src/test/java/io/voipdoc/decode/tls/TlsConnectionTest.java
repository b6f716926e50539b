package io.voipdoc.decode.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsConnectionTest {
  /**
   * A ClientHello record: TLS 1.2, empty session ID, suites 0x1301 0xc02f, null compression, SNI
   * "sip.example.com", supported_versions {0x0304, 0x0303}, ALPN "h2", supported_groups {x25519},
   * signature_algorithms {0x0403}.
   */
  static final String CLIENT_HELLO =
      "16 0301 006f"
          + " 01 00006b 0303" + "00".repeat(32) + " 00 0004 1301c02f 01 00"
          + " 003e"
          + " 0000 0014 0012 00 000f 7369702e6578616d706c652e636f6d"
          + " 002b 0005 04 0304 0303"
          + " 0010 0005 0003 02 6832"
          + " 000a 0004 0002 001d"
          + " 000d 0004 0002 0403"
          + " 0017 0000";

  /** An alert record: fatal handshake_failure. */
  static final String ALERT = "15 0303 0002 02 28";

  private TlsCorpusTest.Recorder feedInPieces(byte[] b, int piece) {
    TlsCorpusTest.Recorder r = new TlsCorpusTest.Recorder();
    TlsConnection c = new TlsConnection(TlsConfig.DEFAULTS, r);
    for (int i = 0; i < b.length; i += piece) {
      c.onStreamData(0, b, i, Math.min(piece, b.length - i));
    }
    return r;
  }

  @Test
  void clientHelloFields() {
    byte[] b = hex(CLIENT_HELLO + ALERT);
    assertTrue(TlsConnection.accepts(b, 0, b.length));
    TlsCorpusTest.Recorder r = feedInPieces(b, b.length);
    assertEquals(List.of(), r.problems);
    ClientHello h = r.clientHellos.get(0);
    assertEquals(0x0303, h.legacyVersion());
    assertEquals(List.of(0x1301, 0xc02f), h.cipherSuites());
    assertEquals(List.of(0), h.compressionMethods());
    assertEquals("sip.example.com", h.serverName());
    assertEquals(List.of(0x0304, 0x0303), h.supportedVersions());
    assertEquals(List.of("h2"), h.alpn());
    assertEquals(List.of(0x001d), h.supportedGroups());
    assertEquals(List.of(0x0403), h.signatureAlgorithms());
    assertEquals(List.of(0, 43, 16, 10, 13, 23), h.extensionTypes());
    assertEquals(List.of("2:handshake_failure"), r.alerts);
  }

  @Test
  void everySplit() {
    byte[] b = hex(CLIENT_HELLO + ALERT);
    for (int piece = 1; piece <= b.length; piece++) {
      TlsCorpusTest.Recorder r = feedInPieces(b, piece);
      assertEquals(List.of(1), r.handshakes, "piece " + piece);
      assertEquals("sip.example.com", r.clientHellos.get(0).serverName());
      assertEquals(1, r.alerts.size());
    }
  }

  @Test
  void truncated() {
    byte[] b = hex(CLIENT_HELLO);
    for (int n = 0; n < b.length; n++) {
      TlsCorpusTest.Recorder r = feedInPieces(java.util.Arrays.copyOf(b, n), Math.max(1, n));
      // an incomplete record is waited for: nothing is reported, nothing is thrown
      assertTrue(r.handshakes.isEmpty(), "prefix " + n);
    }
  }

  @Test
  void handshakeBodyOverrunIsReported() {
    // ClientHello whose cipher_suites length (0x0100) runs past the message
    byte[] b = hex("16 0303 002b 01 000027 0303" + "00".repeat(32) + " 00 0100 1301");
    TlsCorpusTest.Recorder r = feedInPieces(b, b.length);
    assertEquals(List.of(1), r.handshakes);
    assertTrue(r.problems.get(0).startsWith("tls.handshake_malformed"), r.problems.toString());
  }

  @Test
  void notTls() {
    byte[] sip = "INVITE sip:a@b SIP/2.0\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertFalse(TlsConnection.accepts(sip, 0, sip.length));
    TlsCorpusTest.Recorder r = feedInPieces(sip, sip.length);
    assertTrue(r.problems.get(0).startsWith("tls.unknown_content_type"));
    assertEquals(1, r.problems.size());
  }

  @Test
  void dtlsFragmentsInAnyOrder() {
    // a 4-byte ServerHelloDone-like message (type 14) split into two fragments, second first
    String second = "16 fefd 0000 000000000001 000e 0e 000004 0001 000002 000002 0304";
    String first = "16 fefd 0000 000000000000 000e 0e 000004 0001 000000 000002 0102";
    TlsCorpusTest.Recorder r = new TlsCorpusTest.Recorder();
    DtlsConnection c = new DtlsConnection(TlsConfig.DEFAULTS, r);
    byte[] a = hex(second);
    byte[] d = hex(first);
    assertTrue(DtlsConnection.accepts(a, 0, a.length));
    c.onDatagram(1, a, 0, a.length);
    assertEquals(List.of(), r.handshakes);
    c.onDatagram(1, d, 0, d.length);
    c.onDatagram(1, a, 0, a.length); // retransmitted fragment of a finished message
    assertEquals(List.of(14), r.handshakes);
    // every prefix of a datagram is a truncated record, except the empty one
    for (int n = 0; n < d.length; n++) {
      c.onDatagram(0, d, 0, n);
    }
    assertEquals(d.length - 1, r.problems.size());
    assertTrue(r.problems.stream().allMatch(p -> p.startsWith("dtls.record_truncated")));
  }

  @Test
  void certificateNameMatching() {
    java.time.Instant t = java.time.Instant.parse("2024-01-01T00:00:00Z");
    TlsCertificate wildcard = new TlsCertificate("CN=x", "CN=ca", "x",
        List.of("*.example.com", "example.net"), List.of("192.0.2.7"), t, t.plusSeconds(86400),
        false);
    assertTrue(wildcard.matchesHost("sip.example.com"));
    assertTrue(wildcard.matchesHost("SIP.Example.COM."));
    assertFalse(wildcard.matchesHost("example.com"));
    assertFalse(wildcard.matchesHost("a.b.example.com"));
    assertTrue(wildcard.matchesHost("example.net"));
    assertTrue(wildcard.matchesHost("192.0.2.7"));
    assertFalse(wildcard.matchesHost("x"), "CN is ignored when dNSName entries exist");
    TlsCertificate cnOnly = new TlsCertificate("CN=sbc.example.org", "CN=sbc.example.org",
        "sbc.example.org", List.of(), List.of(), t, t.plusSeconds(86400), true);
    assertTrue(cnOnly.matchesHost("sbc.example.org"));
    assertFalse(cnOnly.matchesHost("pbx.example.org"));
    assertTrue(cnOnly.validAt(t.plusSeconds(10)));
    assertFalse(cnOnly.validAt(t.plusSeconds(86401)));
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }
}
