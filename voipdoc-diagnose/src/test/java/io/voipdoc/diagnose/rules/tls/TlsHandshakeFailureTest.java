package io.voipdoc.diagnose.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsHandshakeFailureTest {
  private final TlsHandshakeFailure rule = new TlsHandshakeFailure();

  private static List<String> cited(Finding f) {
    return f.evidence().stream()
        .map(e -> e.key() + "@" + e.frame().input().replaceAll(".*/", "") + "#" + e.frame().number())
        .toList();
  }

  @Test
  void fires_when_the_server_presents_a_self_signed_certificate_for_another_name() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("tls-wrong-certificate"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("tls pbx.lab.example", f.subject());
    // three connections, seen by the client and by the server
    assertEquals(List.of("pbx.lab.example", "6"), f.titleArgs());
    List<String> cited = cited(f);
    assertTrue(cited.contains("fatal_alert@bob.pcapng#8"), cited.toString());
    assertTrue(cited.contains("fatal_alert@pbx.pcapng#8"), cited.toString());
    Evidence alert = f.evidence().get(1);
    assertEquals(List.of("unknown_ca", "CERTIFICATE"), alert.args());
    assertTrue(cited.contains("self_signed@bob.pcapng#4"), cited.toString());
    Evidence mismatch = f.evidence().stream().filter(e -> e.key().equals("name_mismatch")).findFirst().orElseThrow();
    assertEquals(List.of("pbx.lab.example", "CN=localhost"), mismatch.args());
    assertEquals("install_certificate", f.advice().get(0).key());
    String de = new FindingText(Locale.GERMAN).evidence(f, mismatch);
    assertEquals("Der Client fragte nach pbx.lab.example, das Zertifikat nennt aber nur CN=localhost.", de);
  }

  @Test
  void fires_when_the_server_refuses_the_client_hello() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-tls-1.2-handshake-failure.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("client_hello@zeek-tls-1.2-handshake-failure.pcap#4",
        "fatal_alert@zeek-tls-1.2-handshake-failure.pcap#6"), cited(f));
    assertEquals("handshake_failure", f.evidence().get(1).args().get(0));
    assertEquals("compare_versions", f.advice().get(0).key());
  }

  @Test
  void fires_when_the_certificate_has_expired() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-tls-expired-cert.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("tls www.spidh.org", f.subject());
    Evidence expired = f.evidence().stream().filter(e -> e.key().equals("not_valid")).findFirst().orElseThrow();
    assertEquals("2014-03-04T23:59:59Z", expired.args().get(2));
  }

  @Test
  void fires_when_an_expired_certificate_meets_an_early_alert() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-tls-early-alert.pcap"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("tls jeffbryner.com", found.get(0).subject());
    assertTrue(cited(found.get(0)).contains("not_valid@zeek-tls-early-alert.pcap#4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "tls/zeek-tls1.2.pcap", "tls/zeek-tls13_wolfssl.pcap", "tls/zeek-hrr.pcap", "tls/zeek-tls1_1.pcap",
    "tls/zeek-missing-intermediate.pcap", "tls/zeek-client-certificate.pcap", "tls/zeek-ecdsa-cert.pcap"
  })
  void silent_on_healthy_corpus_connections(String capture) {
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus(capture)));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }
}
