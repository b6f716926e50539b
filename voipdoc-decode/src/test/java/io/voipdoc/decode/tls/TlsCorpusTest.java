package io.voipdoc.decode.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.CorpusPackets.Datagram;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketListener;
import io.voipdoc.decode.tcp.TcpStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS and DTLS in the corpus, compared with tshark 4.0: {@code tshark -r F -T fields -e
 * tls.handshake.type -e dtls.handshake.type -e tls.handshake.extensions_server_name -e
 * tls.alert_message.desc}, flattened in frame order.
 */
class TlsCorpusTest {

  /** What a capture yields: cleartext handshake types in order, SNIs, alerts, problems. */
  static final class Recorder implements TlsListener {
    final List<Integer> handshakes = new ArrayList<>();
    final List<String> serverNames = new ArrayList<>();
    final List<String> alerts = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<ServerHello> serverHellos = new ArrayList<>();
    final List<List<TlsCertificate>> chains = new ArrayList<>();
    final List<ClientHello> clientHellos = new ArrayList<>();

    @Override
    public void onHandshake(int side, int type, int length) {
      if (type >= 0) {
        handshakes.add(type);
      }
    }

    @Override
    public void onClientHello(int side, ClientHello hello) {
      clientHellos.add(hello);
      if (hello.serverName() != null) {
        serverNames.add(hello.serverName());
      }
    }

    @Override
    public void onServerHello(int side, ServerHello hello) {
      serverHellos.add(hello);
    }

    @Override
    public void onCertificates(int side, List<TlsCertificate> chain) {
      chains.add(chain);
    }

    @Override
    public void onAlert(int side, TlsAlert alert) {
      alerts.add(alert.encrypted() ? "encrypted" : alert.level() + ":" + alert.descriptionName());
    }

    @Override
    public void onProblem(int side, TlsProblem problem, String detail) {
      problems.add(problem.id() + " " + detail);
    }
  }

  /** Feeds the in-order bytes of every TCP connection to its own {@link TlsConnection}. */
  static Recorder tls(String name) throws IOException {
    Recorder r = new Recorder();
    Map<Long, TlsConnection> connections = new HashMap<>();
    CorpusPackets.read(
        name,
        new PacketListener() {
          @Override
          public void onStreamData(TcpStream s, Packet p, byte[] data, int off, int len) {
            connections
                .computeIfAbsent(s.connectionId, k -> new TlsConnection(TlsConfig.DEFAULTS, r))
                .onStreamData(s.fromInitiator ? 0 : 1, data, off, len);
          }
        });
    return r;
  }

  /** Feeds datagrams to one {@link DtlsConnection} per flow; side 0 sent the first datagram. */
  static Recorder dtls(String name) throws IOException {
    Recorder r = new Recorder();
    Map<String, DtlsConnection> connections = new HashMap<>();
    for (Datagram p : CorpusPackets.read(name).datagrams()) {
      String reverse = p.dst() + ":" + p.dstPort() + ">" + p.src() + ":" + p.srcPort();
      DtlsConnection c = connections.get(reverse);
      int side = 1;
      if (c == null) {
        c = connections.computeIfAbsent(
            p.direction(), k -> new DtlsConnection(TlsConfig.DEFAULTS, r));
        side = 0;
      }
      c.onDatagram(side, p.payload(), 0, p.payload().length);
    }
    return r;
  }

  private static List<Integer> types(Integer... t) {
    return List.of(t);
  }

  @Test
  void tls12HandshakesMatchTshark() throws IOException {
    assertEquals(types(1, 2, 11, 12, 14, 16, 4), tls("tls/zeek-cert-no-cn.pcap").handshakes);
    assertEquals(types(1, 2, 11, 12, 14, 16, 4), tls("tls/zeek-ecdsa-cert.pcap").handshakes);
    assertEquals(types(1, 2, 11, 14, 16), tls("tls/zeek-tls1.2.pcap").handshakes);
    assertEquals(types(1, 2, 11, 12, 14, 16, 4), tls("tls/zeek-tls1_1.pcap").handshakes);
    assertEquals(
        types(1, 2, 11, 14, 16, 1, 2, 11, 12, 14, 16, 4, 1, 2, 11, 14, 16),
        tls("tls/zeek-missing-intermediate.pcap").handshakes);
    assertEquals(
        types(1, 2, 11, 12, 14, 16, 4, 1, 2, 11, 14, 16),
        tls("tls/zeek-tls-expired-cert.pcap").handshakes);
  }

  @Test
  void clientCertificateAndSni() throws IOException {
    Recorder r = tls("tls/zeek-client-certificate.pcap");
    assertEquals(types(1, 2, 11, 12, 13, 14, 11, 16, 15, 4), r.handshakes);
    assertEquals(List.of("certauth.idrix.fr"), r.serverNames);
    assertEquals(2, r.chains.size());
    TlsCertificate server = r.chains.get(0).get(0);
    assertTrue(server.matchesHost("certauth.idrix.fr"), server.toString());
    assertFalse(server.matchesHost("other.example"));
    assertTrue(r.problems.isEmpty(), r.problems.toString());
  }

  @Test
  void handshakeFailureAlert() throws IOException {
    Recorder r = tls("tls/zeek-tls-1.2-handshake-failure.pcap");
    assertEquals(types(1), r.handshakes);
    assertEquals(List.of("2:handshake_failure"), r.alerts);
  }

  @Test
  void earlyUnrecognizedNameAlert() throws IOException {
    Recorder r = tls("tls/zeek-tls-early-alert.pcap");
    assertEquals(types(1, 2, 11, 12, 14, 16, 4), r.handshakes);
    assertEquals(List.of("jeffbryner.com"), r.serverNames);
    assertEquals("1:unrecognized_name", r.alerts.get(0));
  }

  /**
   * voipdoc sees 1, 2, 1, 2 where tshark lists 1, 2, 1: the real ServerHello (frame 11, seq 100)
   * arrives after a later segment (frame 9, seq 1468), and tshark without reordering does not
   * dissect it.
   */
  @Test
  void helloRetryRequestThenTls13() throws IOException {
    Recorder r = tls("tls/zeek-hrr.pcap");
    assertEquals(types(1, 2, 1, 2), r.handshakes);
    assertTrue(r.serverHellos.get(0).helloRetryRequest());
    assertFalse(r.serverHellos.get(1).helloRetryRequest());
    assertEquals(0x0304, r.serverHellos.get(1).version());
    assertEquals(0x0303, r.serverHellos.get(1).legacyVersion());
    assertTrue(r.problems.isEmpty(), r.problems.toString());
  }

  @Test
  void tls13OnlyHellosAreClear() throws IOException {
    Recorder r = tls("tls/zeek-tls13_wolfssl.pcap");
    assertEquals(types(1, 2), r.handshakes);
    assertEquals(0x0304, r.serverHellos.get(0).version());
    assertTrue(r.clientHellos.get(0).supportedVersions().contains(0x0304));
    assertTrue(r.problems.isEmpty(), r.problems.toString());
  }

  @Test
  void expiredCertificate() throws IOException {
    Recorder r = tls("tls/zeek-tls-expired-cert.pcap");
    TlsCertificate leaf = r.chains.get(0).get(0);
    assertFalse(leaf.validAt(Instant.parse("2025-01-01T00:00:00Z")), leaf.toString());
    assertTrue(r.problems.isEmpty(), r.problems.toString());
  }

  @Test
  void dtlsHandshakesMatchTshark() throws IOException {
    assertEquals(types(1, 2, 11, 14, 16, 4), dtls("dtls/arkime-cloudshark-dtls1.pcap").handshakes);
    assertEquals(types(1, 3, 1, 2, 11, 14, 16), dtls("dtls/arkime-wireshark-dtls0.pcap").handshakes);
    assertEquals(types(1, 3, 1, 2, 12, 14, 16), dtls("dtls/arkime-wireshark-dtls12.pcap").handshakes);
    assertEquals(types(1, 2, 1, 2), dtls("dtls/zeek-dtls13-wolfssl.pcap").handshakes);
  }

  /**
   * tshark lists every fragment (1, 1, 3, 1, 1, 2, 11 x5, 12 x3, 14, 16, 4): both ClientHellos,
   * the Certificate and the ServerKeyExchange span several datagrams. voipdoc reports each
   * reassembled message once.
   */
  @Test
  void dtlsFragmentsReassembled() throws IOException {
    Recorder r = dtls("dtls/zeek-dtls1_2.pcap");
    assertEquals(types(1, 3, 1, 2, 11, 12, 14, 16, 4), r.handshakes);
    assertTrue(r.problems.isEmpty(), r.problems.toString());
    assertFalse(r.chains.get(0).isEmpty());
  }
}
