package io.voipdoc.diagnose.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogFile;
import io.voipdoc.correlate.log.LogReader;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    // three connections, each seen by the client and by the server, count once
    assertEquals(List.of("pbx.lab.example", "3"), f.titleArgs());
    List<String> cited = cited(f);
    assertTrue(cited.contains("fatal_alert@bob.pcapng#8"), cited.toString());
    assertTrue(cited.contains("fatal_alert@pbx.pcapng#8"), cited.toString());
    Evidence alert = f.evidence().get(1);
    assertEquals(List.of("unknown_ca", "stage_certificate"), alert.args());
    assertTrue(new FindingText(Locale.GERMAN).evidence(f, alert).endsWith("(nach dem Zertifikat des Servers)."),
        new FindingText(Locale.GERMAN).evidence(f, alert));
    assertTrue(new FindingText(Locale.ENGLISH).evidence(f, alert).endsWith("(after the server's certificate)."),
        new FindingText(Locale.ENGLISH).evidence(f, alert));
    assertTrue(cited.contains("self_signed@bob.pcapng#4"), cited.toString());
    Evidence mismatch = f.evidence().stream().filter(e -> e.key().equals("name_mismatch")).findFirst().orElseThrow();
    assertEquals(List.of("pbx.lab.example", "CN=localhost"), mismatch.args());
    assertEquals("install_certificate", f.advice().get(0).key());
    String de = new FindingText(Locale.GERMAN).evidence(f, mismatch);
    assertEquals("Der Client fragte nach pbx.lab.example, das Zertifikat nennt aber nur CN=localhost.", de);
  }

  @Test
  void counts_each_of_the_transfers_connections_once_though_both_ends_captured_it() {
    // bob's three attempts to reach the PBX over TLS, in bob's and the PBX's capture (README)
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("refer-not-delivered"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("3", found.get(0).titleArgs().get(1));
    List<Finding> merged = Incidents.findingsMerged(rule, LabCaptures.of("refer-not-delivered"));
    assertEquals("3", merged.get(0).titleArgs().get(1));
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

  /**
   * The certificates here had expired (2014) or were not valid at the start, but both clients went
   * on to encrypted application data in both directions: they accepted them, nothing failed.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "tls/zeek-tls-expired-cert.pcap", "tls/zeek-tls-early-alert.pcap", "tls/zeek-cert-no-cn.pcap"
  })
  void silent_when_the_client_accepted_a_doubtful_certificate(String capture) {
    Incident incident = Incidents.of(Incidents.corpus(capture));
    assertTrue(
        incident.tlsConnections().stream()
            .anyMatch(c -> c.stage() == TlsConnectionSeen.Stage.ESTABLISHED
                && (Boolean.FALSE.equals(c.leafValidAtStart()) || Boolean.TRUE.equals(c.leafSelfSigned()))),
        "the capture holds an established connection with a doubtful certificate");
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus(capture)));
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

  /** The finding with kamailio's log of the run placed as analyze places it (offset estimated, or given). */
  private Finding withKamailioLog(Map<String, Long> offsets) throws Exception {
    Incident incident = Incidents.of(LabCaptures.of("tls-wrong-certificate"));
    LogFile log = LogReader.read(Incidents.lab("tls-wrong-certificate", "kamailio.log"), LocalDate.of(2026, 11, 25));
    Map<String, Long> given = offsets.isEmpty() ? Map.of() : Map.of(log.file(), offsets.values().iterator().next());
    DiagnosisContext context = new DiagnosisContext(LogTimeline.place(List.of(log), given, incident), null);
    List<Finding> found = Diagnoser.diagnose(incident, context, List.of(rule));
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  private static List<String> lines(Finding f) {
    return f.evidence().stream().filter(e -> e.line() != null)
        .map(e -> e.key() + "@" + Path.of(e.line().file()).getFileName() + ":" + e.line().number()).toList();
  }

  @Test
  void fires_with_kamailios_log_line_and_its_reason() throws Exception {
    Finding f = withKamailioLog(Map.of());
    // OpenSSL's reason for the first connection; the peer named on the next line is bob's first port
    assertEquals(List.of("log_tls_failed@kamailio.log:41"), lines(f));
    Evidence logged = f.evidence().stream().filter(e -> e.line() != null).findFirst().orElseThrow();
    assertEquals(List.of("203.0.113.20:55260", "tlsv1 alert unknown ca", "3", "3"), logged.args());
    assertTrue(logged.line().text().contains("SSL routines::tlsv1 alert unknown ca"), logged.line().text());
    // the line sits on the captures' clock, within milliseconds of the client's alert
    Evidence alert = f.evidence().stream().filter(e -> e.key().equals("fatal_alert")).findFirst().orElseThrow();
    long apart = Math.abs(java.time.Duration.between(alert.frame().instant(), logged.line().time()).toMillis());
    assertTrue(apart < 10, apart + " ms");
    assertEquals(List.of("install_certificate", "log_reason", "bind_context", "check_client"),
        f.advice().stream().map(Advice::key).toList());
    assertEquals(List.of("tlsv1 alert unknown ca"), f.advice().get(1).args());
    assertEquals("Das Log meldet denselben fehlgeschlagenen TLS-Handshake mit 203.0.113.20:55260 "
        + "(angegebener Grund: tlsv1 alert unknown ca); es nennt 3 der 3 Verbindung(en).",
        new FindingText(Locale.GERMAN).evidence(f, logged));
    assertTrue(new FindingText(Locale.ENGLISH).advice(f, f.advice().get(1)).startsWith(
        "The log gives the TLS library's own reason: \"tlsv1 alert unknown ca\"."));
  }

  @Test
  void silent_about_the_log_when_it_is_of_another_moment() throws Exception {
    // the same log with its clock taken an hour off: the finding stands on the captures alone
    Finding f = withKamailioLog(Map.of("kamailio.log", 3_600_000_000_000L));
    assertEquals(List.of(), lines(f));
    assertEquals(List.of("install_certificate", "bind_context", "check_client"),
        f.advice().stream().map(Advice::key).toList());
  }
}
