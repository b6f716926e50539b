package io.voipdoc.diagnose.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogFile;
import io.voipdoc.correlate.log.LogReader;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
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
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(new FindingText(Locale.ENGLISH).title(f).startsWith("TLS connections to pbx.lab.example fail (3 connection(s))"),
        new FindingText(Locale.ENGLISH).title(f));
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

  /** The evidence as {@code key@file#frame=args}, in order. */
  private static List<String> citedWithArgs(Finding f) {
    return f.evidence().stream()
        .map(e -> e.key() + "@" + e.frame().input().replaceAll(".*/", "") + "#" + e.frame().number() + "=" + e.args())
        .toList();
  }

  private static List<String> adviceKeys(Finding f) {
    return f.advice().stream().map(Advice::key).toList();
  }

  /**
   * tshark: ClientHello without SNI (frame 4), the server's Certificate (frame 7) for www.spidh.org,
   * valid until 2014-03-04 23:59:59 UTC; the connection starts 2014-03-13 and carries application
   * data both ways (frames 14-18). The second connection's certificate (frame 35, valid until
   * 2014-03-14) was valid and is not reported.
   */
  @Test
  void warns_when_the_client_accepted_an_expired_certificate() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-tls-expired-cert.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("tls www.spidh.org", f.subject());
    assertEquals(List.of("www.spidh.org", "1"), f.titleArgs());
    List<String> cited = citedWithArgs(f);
    assertEquals(List.of(
        "client_hello@zeek-tls-expired-cert.pcap#4=[, stage_established]",
        "certificate@zeek-tls-expired-cert.pcap#7=[" + f.evidence().get(1).args().get(0)
            + ", www.spidh.org, spidh.org, CN=COMODO SSL CA,O=COMODO CA Limited,L=Salford,ST=Greater Manchester,C=GB, "
            + "2013-02-04T00:00:00Z, 2014-03-04T23:59:59Z]",
        "expired@zeek-tls-expired-cert.pcap#7=[2014-03-04T23:59:59Z, 2014-03-13T21:20:02.951961Z]"), cited);
    assertTrue(f.evidence().get(1).args().get(0).contains("CN=www.spidh.org"), cited.toString());
    assertEquals("frame.number == 7", f.evidence().get(2).displayFilter());
    assertEquals(List.of("install_certificate", "accepted_by_this_client"), adviceKeys(f));
    assertEquals("The server certificate for www.spidh.org would be refused by any client that checks "
        + "certificates; this client accepted it (1 connection(s))", new FindingText(Locale.ENGLISH).title(f));
    assertEquals("Das Zertifikat ist am 2014-03-04T23:59:59Z abgelaufen; die Verbindung begann danach, "
        + "am 2014-03-13T21:20:02.951961Z.", new FindingText(Locale.GERMAN).evidence(f, f.evidence().get(2)));
    assertTrue(new FindingText(Locale.ENGLISH).advice(f, f.advice().get(1))
        .contains("will refuse this certificate"), new FindingText(Locale.ENGLISH).advice(f, f.advice().get(1)));
  }

  /**
   * tshark: ClientHello for jeffbryner.com (frame 4), a warning-level unrecognized_name alert
   * (frame 6), the Certificate (frame 10) for www.jeffbryner.com and jeffbryner.com that expired on
   * 2011-04-16; the handshake completes and application data flows both ways (frames 13, 16).
   */
  @Test
  void warns_when_the_client_accepted_a_certificate_expired_years_before() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-tls-early-alert.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(List.of("jeffbryner.com", "1"), f.titleArgs());
    assertEquals(List.of("client_hello_sni@zeek-tls-early-alert.pcap#4", "certificate@zeek-tls-early-alert.pcap#10",
        "expired@zeek-tls-early-alert.pcap#10"), cited(f));
    assertEquals(List.of("jeffbryner.com", "stage_established"), f.evidence().get(0).args());
    assertEquals("2011-04-16T22:01:24Z", f.evidence().get(2).args().get(0));
    // the certificate names jeffbryner.com in its subjectAltName: no name mismatch
    assertEquals(List.of("install_certificate", "accepted_by_this_client"), adviceKeys(f));
    assertEquals(List.of("jeffbryner.com"), f.advice().get(0).args());
  }

  /**
   * tshark: ClientHello without SNI (frame 4), the Certificate (frame 6) of O=TestCorp, issued by
   * itself, without CN or subjectAltName, valid from 2015-03-04 00:31:05 (the connection starts at
   * 00:32:39); the handshake completes and ends with an encrypted close (frame 11). Without a name
   * the finding is about the server's address.
   */
  @Test
  void warns_when_the_client_accepted_a_self_signed_certificate() {
    List<Finding> found = Incidents.findings(rule, Incidents.corpus("tls/zeek-cert-no-cn.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("tls 192.150.187.39", f.subject());
    assertEquals(List.of("client_hello@zeek-cert-no-cn.pcap#4", "certificate@zeek-cert-no-cn.pcap#6",
        "self_signed@zeek-cert-no-cn.pcap#6"), cited(f));
    assertTrue(f.evidence().get(2).args().get(0).contains("O=TestCorp"), f.evidence().get(2).args().toString());
    // neither a CN nor a subjectAltName
    assertEquals("-", f.evidence().get(1).args().get(1));
    assertEquals("Jeder Client, der Zertifikate prüft, würde das Serverzertifikat für 192.150.187.39 ablehnen; "
        + "dieser Client hat es angenommen (1 Verbindung(en))", new FindingText(Locale.GERMAN).title(f));
  }

  /**
   * A capture made with OpenSSL (README.md beside it): the client asks for pbx.example.org (frame
   * 4), the server presents a self-signed certificate for default.invalid that is valid only from
   * 2030 (frame 6), the client goes on to application data both ways (frames 11, 12). All three
   * defects are named, at the Certificate.
   */
  @Test
  void warns_when_the_client_accepted_a_certificate_not_yet_valid_for_another_name() throws Exception {
    Path capture = Path.of(TlsHandshakeFailureTest.class.getResource("accepted-future-certificate.pcap").toURI());
    List<Finding> found = Incidents.findings(rule, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("tls pbx.example.org", f.subject());
    assertEquals(List.of("client_hello_sni@accepted-future-certificate.pcap#4",
        "certificate@accepted-future-certificate.pcap#6", "not_yet_valid@accepted-future-certificate.pcap#6",
        "self_signed@accepted-future-certificate.pcap#6", "name_mismatch@accepted-future-certificate.pcap#6"), cited(f));
    assertEquals(List.of("2030-01-01T15:11:54Z", "2026-11-25T15:11:56.118619Z"), f.evidence().get(2).args());
    assertEquals(List.of("pbx.example.org", "default.invalid"), f.evidence().get(4).args());
    assertEquals("The certificate is not valid before 2030-01-01T15:11:54Z; the connection started earlier, on "
        + "2026-11-25T15:11:56.118619Z (check the server's and the client's clocks too).",
        new FindingText(Locale.ENGLISH).evidence(f, f.evidence().get(2)));
    assertEquals("Der Client fragte nach pbx.example.org, das Zertifikat nennt aber nur default.invalid.",
        new FindingText(Locale.GERMAN).evidence(f, f.evidence().get(4)));
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
