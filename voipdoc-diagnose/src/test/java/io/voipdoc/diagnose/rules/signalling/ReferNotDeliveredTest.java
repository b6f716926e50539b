package io.voipdoc.diagnose.rules.signalling;

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
import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferNotDeliveredTest {
  private static final String ALICE = "192.0.2.10";
  private static final String SBC = "192.0.2.20";
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;

  private final ReferNotDelivered rule = new ReferNotDelivered();

  @TempDir Path dir;

  private static List<String> cited(Finding f) {
    return f.evidence().stream().map(e -> e.key() + "@" + Incidents.at(e)).toList();
  }

  @Test
  void fires_when_tls_connections_for_the_transfer_are_torn_down_during_the_call() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("refer-not-delivered"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("no_refer@-", "tls_aborted@bob.pcapng#367", "tls_aborted@pbx.pcapng#21",
        "certificate_self_signed@bob.pcapng#367"), cited(f));
    Evidence pbx = f.evidence().get(2);
    assertEquals("203.0.113.20", pbx.args().get(0));
    assertEquals("198.51.100.10:5061", pbx.args().get(1));
    assertEquals("3", pbx.args().get(2));
    assertEquals("pbx.lab.example", pbx.args().get(3));
    assertTrue(Long.parseLong(pbx.args().get(4)) < 10, pbx.args().toString());
    assertEquals("stage_certificate", pbx.args().get(5));
    Evidence cert = f.evidence().get(3);
    assertEquals(List.of("CN=localhost", "CN=localhost"), cert.args());
    assertEquals(List.of("check_tls_context", "allow_new_connections"),
        f.advice().stream().map(a -> a.key()).toList());
    String de = new FindingText(Locale.GERMAN).evidence(f, cert);
    assertEquals("Der Server antwortete mit dem Zertifikat CN=localhost, ausgestellt von CN=localhost: "
        + "selbstsigniert, daher vertraut ihm kein Client, der Zertifikate prüft.", de);
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_lab_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tls-wrong-certificate", "ack-lost-private-contact", "sdp-rejected-488"})
  void silent_without_a_transfer_problem(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  // The lab has no software that refuses a REFER or leaves it unanswered; these calls are written
  // here, modelled on the 504 "Unable to deliver REFER" a hosted proxy answers.

  @Test
  void fires_when_the_refer_is_answered_with_an_error() throws IOException {
    Path capture = CaptureBuilder.toFile(dir.resolve("refused.pcap"),
        out -> call(out, "SIP/2.0 504 Unable to deliver REFER", 1));
    List<Finding> found = Incidents.findings(rule, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("refer_rejected@refused.pcap#5"), cited(f));
    assertEquals(List.of(ALICE, "<sip:queue@example.com>", "504 Unable to deliver REFER"), f.evidence().get(0).args());
    assertEquals("refer_refused", f.advice().get(0).key());
  }

  @Test
  void fires_when_the_refer_gets_no_answer() throws IOException {
    Path capture = CaptureBuilder.toFile(dir.resolve("lost.pcap"), out -> call(out, null, 3));
    Finding f = Incidents.findings(rule, capture).get(0);
    assertEquals(List.of("refer_unanswered@lost.pcap#4"), cited(f));
    assertEquals("1", f.evidence().get(0).args().get(2), "retransmissions are one REFER");
  }

  @Test
  void silent_when_the_refer_is_accepted() throws IOException {
    Path capture = CaptureBuilder.toFile(dir.resolve("accepted.pcap"),
        out -> call(out, "SIP/2.0 202 Accepted", 1));
    assertEquals(List.of(), Incidents.findings(rule, capture));
  }

  /** INVITE, 200, ACK, REFER (sent {@code copies} times) with {@code answer}, then BYE. */
  private static void call(OutputStream out, String answer, int copies) throws IOException {
    CaptureBuilder c = CaptureBuilder.pcap(out, 1);
    String id = "r1@" + SBC;
    sip(c, 0, SBC, ALICE, "INVITE sip:aa@" + ALICE + " SIP/2.0\r\n" + headers(SBC, "inv", "", id, "1 INVITE")
        + "Contact: <sip:sbc@" + SBC + ">\r\nContent-Length: 0\r\n\r\n");
    sip(c, 50, ALICE, SBC, "SIP/2.0 200 OK\r\n" + headers(SBC, "inv", ";tag=t1", id, "1 INVITE")
        + "Contact: <sip:aa@" + ALICE + ">\r\nContent-Length: 0\r\n\r\n");
    sip(c, 60, SBC, ALICE, "ACK sip:aa@" + ALICE + " SIP/2.0\r\n" + headers(SBC, "ack", ";tag=t1", id, "1 ACK")
        + "Content-Length: 0\r\n\r\n");
    String refer = "REFER sip:sbc@" + SBC + " SIP/2.0\r\n" + reversed("ref", id, "1 REFER")
        + "Refer-To: <sip:queue@example.com>\r\nReferred-By: <sip:aa@" + ALICE + ">\r\n"
        + "Contact: <sip:aa@" + ALICE + ">\r\nContent-Length: 0\r\n\r\n";
    for (int i = 0; i < copies; i++) {
      sip(c, 5_000 + 500L * i, ALICE, SBC, refer);
    }
    long t = 5_000 + 500L * copies;
    if (answer != null) {
      sip(c, t, SBC, ALICE, answer + "\r\n" + reversed("ref", id, "1 REFER") + "Content-Length: 0\r\n\r\n");
    }
    sip(c, t + 10_000, ALICE, SBC, "BYE sip:sbc@" + SBC + " SIP/2.0\r\n" + reversed("bye", id, "2 BYE")
        + "Content-Length: 0\r\n\r\n");
    sip(c, t + 10_010, SBC, ALICE, "SIP/2.0 200 OK\r\n" + reversed("bye", id, "2 BYE") + "Content-Length: 0\r\n\r\n");
  }

  private static String headers(String via, String branch, String toTag, String callId, String cseq) {
    return "Via: SIP/2.0/UDP " + via + ":5060;branch=z9hG4bK" + branch + "\r\n"
        + "From: <sip:sbc@" + SBC + ">;tag=f1\r\nTo: <sip:aa@" + ALICE + ">" + toTag + "\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: " + cseq + "\r\nMax-Forwards: 70\r\n";
  }

  /** Headers of a request from the answering side (From and To swapped). */
  private static String reversed(String branch, String callId, String cseq) {
    return "Via: SIP/2.0/UDP " + ALICE + ":5060;branch=z9hG4bK" + branch + "\r\n"
        + "From: <sip:aa@" + ALICE + ">;tag=t1\r\nTo: <sip:sbc@" + SBC + ">;tag=f1\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: " + cseq + "\r\nMax-Forwards: 70\r\n";
  }

  private static void sip(CaptureBuilder c, long atMs, String src, String dst, String msg)
      throws IOException {
    c.packet(T0 + atMs * MS,
        Packets.ethernet(Packets.ipv4(src, dst, 17, Packets.udp(5060, 5060, Packets.text(msg)))));
  }

  // An SBC's log in the layout of the AudioCodes lines quoted in seeds/002 (receive time, message,
  // device time), written here for the lab's connections: the SBC's clock is one hour behind.
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
  private static final DateTimeFormatter DEVICE = DateTimeFormatter.ofPattern("MM-dd@HH:mm:ss.SSS", Locale.ROOT);

  private static String sbcLine(long captureNanos, String message) {
    LocalDateTime device = LocalDateTime.ofEpochSecond(Math.floorDiv(captureNanos, 1_000_000_000L),
        (int) Math.floorMod(captureNanos, 1_000_000_000L), ZoneOffset.UTC).minusHours(1);
    return device.plusNanos(600 * MS).format(RECEIVED) + " " + message + " [Time:" + device.format(DEVICE) + "]\n";
  }

  /** The first capture's connections that REFER_NOT_DELIVERED cites, one per client port. */
  private static List<TlsConnectionSeen> aborted(Incident incident) {
    return incident.tlsConnections().stream()
        .filter(c -> c.firstFrame().input().endsWith("pbx.pcapng") && c.server().port() == 5061).toList();
  }

  /** The finding with an SBC log made of {@code line(connection, index)} for each aborted connection. */
  private Finding withSbcLog(BiFunction<TlsConnectionSeen, Integer, String> line, Map<String, Long> given)
      throws Exception {
    Incident incident = Incidents.of(LabCaptures.of("refer-not-delivered"));
    StringBuilder text = new StringBuilder();
    List<TlsConnectionSeen> connections = aborted(incident);
    assertEquals(3, connections.size());
    for (int i = 0; i < connections.size(); i++) {
      text.append(line.apply(connections.get(i), i));
    }
    Path file = Files.writeString(dir.resolve("sbc.log"), text, StandardCharsets.UTF_8);
    LogFile log = LogReader.read(file, LocalDate.of(2026, 11, 25));
    assertEquals("audiocodes", log.format());
    Map<String, Long> offsets = given.isEmpty() ? Map.of() : Map.of(log.file(), given.values().iterator().next());
    DiagnosisContext context = new DiagnosisContext(LogTimeline.place(List.of(log), offsets, incident), null);
    List<Finding> found = Diagnoser.diagnose(incident, context, List.of(rule));
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  private static String socketLines(TlsConnectionSeen c, String client) {
    return sbcLine(c.firstFrame().timestampNanos(), "SIPListeningSocketTLS(#0)::AcceptNewConnection - Incoming connection from "
            + client + ":" + c.client().port() + " accepted. SocketID=" + c.client().port())
        + sbcLine(c.lastFrame().timestampNanos(), "AllowlistManager: Removing TCPTLSSocket Remote IP: " + client
            + ", Port: " + c.client().port() + ", Interface ID: 0, Local Port: 5061, Protocol: 6 succeeded");
  }

  private static List<String> lines(Finding f) {
    List<String> out = new ArrayList<>();
    for (Evidence e : f.evidence()) {
      if (e.line() != null) {
        out.add(e.key() + "@" + Path.of(e.line().file()).getFileName() + ":" + e.line().number());
      }
    }
    return out;
  }

  @Test
  void fires_with_the_sbc_accepting_and_closing_the_socket_in_its_log() throws Exception {
    Finding f = withSbcLog((c, i) -> socketLines(c, "203.0.113.20"), Map.of());
    assertEquals(List.of("log_tls_accepted@sbc.log:1", "log_tls_closed@sbc.log:2"), lines(f));
    Evidence closed = f.evidence().stream().filter(e -> e.key().equals("log_tls_closed")).findFirst().orElseThrow();
    TlsConnectionSeen first = aborted(Incidents.of(LabCaptures.of("refer-not-delivered"))).get(0);
    assertEquals("203.0.113.20:" + first.client().port(), closed.args().get(0));
    // the device's millisecond clock: the lifetime the capture shows, to the millisecond
    long lifetime = Math.round(first.lifetimeSeconds() * 1000);
    assertTrue(Math.abs(Long.parseLong(closed.args().get(1)) - lifetime) <= 1, closed.args() + " vs " + lifetime);
    // the log's clock, an hour behind, was estimated from these lines
    assertTrue(Math.abs(java.time.Duration.between(first.firstFrame().instant(),
        f.evidence().stream().filter(e -> e.key().equals("log_tls_accepted")).findFirst().orElseThrow().line().time()).toMillis()) <= 1);
    // no reason in these lines, so no advice about one
    assertEquals(List.of("check_tls_context", "allow_new_connections"), f.advice().stream().map(Advice::key).toList());
    assertEquals("Laut Log wurde die Verbindung von " + closed.args().get(0) + " " + closed.args().get(1)
        + " ms später wieder geschlossen: zu früh, um eine Anfrage zu tragen.", new FindingText(Locale.GERMAN).evidence(f, closed));
  }

  @Test
  void fires_with_the_senders_reason_for_the_failed_negotiation() throws Exception {
    // the sending side's log names the server it could not negotiate with, and why
    Finding f = withSbcLog((c, i) -> sbcLine(c.lastFrame().timestampNanos(),
        "TLSSocketAPI(#" + (1500 + i) + ")::OnHandshakeError - outgoing TLS negotiation failed to 198.51.100.10:5061;"
            + " HRESULT=0x80090325 SEC_E_UNTRUSTED_ROOT"), Map.of());
    assertEquals(List.of("log_tls_failed@sbc.log:1"), lines(f));
    Evidence failed = f.evidence().stream().filter(e -> e.line() != null).findFirst().orElseThrow();
    assertEquals(List.of("198.51.100.10:5061", "SEC_E_UNTRUSTED_ROOT", "3", "3"), failed.args());
    assertEquals(List.of("check_tls_context", "log_reason", "allow_new_connections"),
        f.advice().stream().map(Advice::key).toList());
    assertEquals(List.of("SEC_E_UNTRUSTED_ROOT"), f.advice().get(1).args());
  }

  @Test
  void silent_about_the_log_when_its_connections_are_others() throws Exception {
    // the same socket lines for another client: nothing in them is about these connections
    Finding other = withSbcLog((c, i) -> socketLines(c, "203.0.113.99"), Map.of());
    assertEquals(List.of(), lines(other));
    // the right client, but ten minutes away on the log's clock as given
    Finding later = withSbcLog((c, i) -> socketLines(c, "203.0.113.20"), Map.of("sbc.log", 4_200_000_000_000L));
    assertEquals(List.of(), lines(later));
    assertEquals(List.of("check_tls_context", "allow_new_connections"), later.advice().stream().map(Advice::key).toList());
  }
}
