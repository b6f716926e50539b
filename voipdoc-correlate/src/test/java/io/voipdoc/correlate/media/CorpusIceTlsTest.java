package io.voipdoc.correlate.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.decode.tls.TlsCertificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICE checks, STUN server exchanges and TLS/DTLS connections of real captures; expected figures
 * were read with tshark (filters in each test).
 */
class CorpusIceTlsTest {

  /**
   * A WebRTC test call: 3 Binding Requests without USERNAME to stun.l.google.com:19302 (one sent
   * twice), and 44 connectivity checks ({@code stun.type==0x0001 && stun.att.username}), every
   * one answered by a success ({@code stun.type==0x0101}) before any error.
   */
  @Test
  void webrtcTestCall() throws Exception {
    Incident media =
        CapturedMedia.run(CapturedMedia.corpus().resolve("stun-ice/arkime-stun-ice-testcall.pcap"));
    List<StunServerExchange> servers = media.stunServers();
    assertEquals(3, servers.size(), servers.toString());
    for (StunServerExchange e : servers) {
      assertEquals("74.125.141.127:19302", e.destination().hostPort());
      assertEquals(StunTransaction.Outcome.SUCCEEDED, e.outcome());
      assertNotNull(e.mappedAddress());
    }
    assertEquals(2, servers.get(1).requests(), "frames 3 and 4 share a transaction ID");
    List<ConnectivityCheck> checks = media.checks();
    assertEquals(44, checks.size());
    long succeeded =
        checks.stream().filter(c -> c.outcome() == StunTransaction.Outcome.SUCCEEDED).count();
    assertEquals(44, succeeded);
    ConnectivityCheck first = checks.get(0);
    assertEquals("192.168.43.155:59977", first.source().hostPort());
    assertEquals("155.212.214.188:23130", first.destination().hostPort());
    assertEquals("pLyZHR", first.receiverUfrag());
    assertNull(first.callId(), "no SDP in this capture");
  }

  /** Zeek's WebRTC capture: 5 checks both ways, all answered with success. */
  @Test
  void webrtcChecksBothWays() throws Exception {
    Incident media =
        CapturedMedia.run(CapturedMedia.corpus().resolve("stun-ice/zeek-webrtc-stun.pcap"));
    List<ConnectivityCheck> checks = media.checks();
    assertEquals(5, checks.size());
    assertTrue(checks.stream().allMatch(c -> c.outcome() == StunTransaction.Outcome.SUCCEEDED));
    assertEquals("31e58bb6:Tw5XmGABTU55u6F2", checks.get(1).username());
    assertEquals(0, media.stunServers().size());
  }

  /**
   * Three classic (RFC 3489) Binding Requests to port 3478 that nobody answers: server exchanges
   * without answer. (The capture's Allocate request is not handed over by the decoder.)
   */
  @Test
  void unansweredClassicBindingRequests() throws Exception {
    Incident media = CapturedMedia.run(CapturedMedia.corpus().resolve("stun-ice/arkime-stun.pcap"));
    List<StunServerExchange> exchanges = media.stunServers();
    assertEquals(3, exchanges.size(), exchanges.toString());
    assertEquals("10.0.0.2:3478", exchanges.get(0).destination().hostPort());
    for (StunServerExchange e : exchanges) {
      assertEquals("Binding", e.method());
      assertEquals(StunTransaction.Outcome.NO_ANSWER, e.outcome());
      assertEquals(3478, e.destination().port());
    }
  }

  /** tshark: the server answers the ClientHello with a fatal handshake_failure alert (40). */
  @Test
  void handshakeFailureAlert() throws Exception {
    TlsConnectionSeen c = only("tls/zeek-tls-1.2-handshake-failure.pcap");
    assertTrue(c.fatalAlert());
    assertEquals(40, c.alerts().get(0).description());
    assertEquals(TlsConnectionSeen.Stage.CLIENT_HELLO, c.stage());
    assertNull(c.serverHello());
  }

  /**
   * The server's certificate had expired when the connection was made; tshark shows the Certificate
   * message in frame 7, reassembled from the server's segments.
   */
  @Test
  void expiredCertificate() throws Exception {
    Incident media =
        CapturedMedia.run(CapturedMedia.corpus().resolve("tls/zeek-tls-expired-cert.pcap"));
    TlsConnectionSeen c =
        media.tlsConnections().stream().filter(x -> !x.certificates().isEmpty()).findFirst().orElseThrow();
    assertEquals(Boolean.FALSE, c.leafValidAtStart());
    TlsCertificate leaf = c.certificates().get(0);
    assertTrue(leaf.notAfter().isBefore(c.start()), leaf.toString());
    assertEquals(7, c.certificateFrame().number());
  }

  /** A complete TLS 1.2 handshake reaches ESTABLISHED and counts packets both ways. */
  @Test
  void completedHandshake() throws Exception {
    TlsConnectionSeen c = only("tls/zeek-tls1.2.pcap");
    assertEquals(TlsConnectionSeen.Stage.ESTABLISHED, c.stage());
    assertEquals(0x0303, c.version());
    assertTrue(c.packets(true) > 0 && c.packets(false) > 0);
    assertTrue(c.alerts().stream().noneMatch(a -> a.fatal()));
  }

  /** DTLS 1.2 over UDP is recorded as a datagram connection. */
  @Test
  void dtls() throws Exception {
    TlsConnectionSeen c = only("dtls/zeek-dtls1_2.pcap");
    assertTrue(c.datagram());
    assertEquals("UDP", c.flow().transport());
    assertNotNull(c.clientHello());
  }

  private static TlsConnectionSeen only(String file) throws Exception {
    Incident media = CapturedMedia.run(CapturedMedia.corpus().resolve(file));
    assertEquals(1, media.tlsConnections().size(), media.tlsConnections().toString());
    return media.tlsConnections().get(0);
  }
}
