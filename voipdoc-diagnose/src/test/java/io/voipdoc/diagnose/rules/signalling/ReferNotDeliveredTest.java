package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    assertEquals("CERTIFICATE", pbx.args().get(5));
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
}
