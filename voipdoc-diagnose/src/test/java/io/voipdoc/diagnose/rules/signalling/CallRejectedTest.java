package io.voipdoc.diagnose.rules.signalling;

import static io.voipdoc.diagnose.SyntheticCalls.invite;
import static io.voipdoc.diagnose.SyntheticCalls.request;
import static io.voipdoc.diagnose.SyntheticCalls.response;
import static io.voipdoc.diagnose.SyntheticCalls.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rules;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.SyntheticCalls;
import io.voipdoc.diagnose.SyntheticCalls.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallRejectedTest {
  private final CallRejected rule = new CallRejected();

  @TempDir Path dir;

  @Test
  void fires_when_the_number_is_unknown_after_a_challenge() {
    // INVITE → 401 → INVITE with credentials → 404 Not Found, for two calls: one finding for both
    List<Finding> found = ofAllRules(Incidents.of(Incidents.corpus("sip/sipnab-sip-routing-error.pcapng")));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(List.of("xxJSCjm44uRLi5nqaGN3Hg..", "MTRmZDZiY2JhZjg3NmY0NmUxYTBmNzZhMjA3MzZkZDE."),
        f.callIds());
    assertEquals(List.of("telephone2", "telephone1", "172.16.98.101", "404 Not Found", "2"), f.titleArgs());
    assertEquals(List.of("challenge", "invite", "final", "more_calls"), keys(f));
    assertEquals(List.of("sipnab-sip-routing-error.pcapng#24", "sipnab-sip-routing-error.pcapng#28",
        "sipnab-sip-routing-error.pcapng#30", "sipnab-sip-routing-error.pcapng#49"),
        f.evidence().stream().map(Incidents::at).toList());
    assertEquals("sip.Call-ID == \"xxJSCjm44uRLi5nqaGN3Hg..\"", f.evidence().get(1).displayFilter());
    assertEquals("frame.number == 30", f.evidence().get(2).displayFilter());
    assertEquals(List.of("udp:172.16.98.101:5060", "401 Unauthorized", "2"), f.evidence().get(0).args());
    assertEquals(List.of("1", "172.16.98.101"), f.evidence().get(3).args());
    assertEquals(List.of("unknown_number", "check_dial_plan"), adviceKeys(f));
    assertEquals(List.of("telephone1", "172.16.98.101"), f.advice().get(0).args());
    assertEquals(
        "2 calls failed at 172.16.98.101: 404 Not Found (the first from telephone2 to telephone1)",
        new FindingText(Locale.ENGLISH).title(f));
    assertEquals(
        "2 Anrufe scheiterten bei 172.16.98.101: 404 Not Found (der erste von telephone2 an telephone1)",
        new FindingText(Locale.GERMAN).title(f));
  }

  @Test
  void fires_when_the_credentials_for_the_call_are_refused_and_informs_of_an_unavailable_callee() {
    // call 1: 100 Trying, CANCEL, then 408 (cancelled); calls 2 and 3: 407, then 403 Wrong
    // password or domain; call 4: 407, 183, then 480 with Reason q.850;cause=21
    List<Finding> found = ofAllRules(Incidents.of(Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
    assertEquals(List.of("calls 212.242.33.35 403", "call 4"), found.stream().map(Finding::subject).toList());
    Finding wrongPassword = found.get(0);
    assertEquals(Severity.WARNING, wrongPassword.severity());
    assertEquals("403 Wrong password or domain", wrongPassword.titleArgs().get(3));
    assertEquals(List.of("voi18062", "0097239287044", "212.242.33.35", "403 Wrong password or domain", "2"),
        wrongPassword.titleArgs());
    assertEquals(List.of("zeek-sip-wireshark.pcap#40", "zeek-sip-wireshark.pcap#42", "zeek-sip-wireshark.pcap#43",
        "zeek-sip-wireshark.pcap#67"), wrongPassword.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("challenge", "invite", "final", "more_calls"), keys(wrongPassword));
    assertEquals(List.of("credentials_refused"), adviceKeys(wrongPassword));

    Finding unavailable = found.get(1);
    assertEquals(Severity.INFO, unavailable.severity());
    assertEquals(List.of("35104723", "35104724", "212.242.33.35", "480 Error", "1"), unavailable.titleArgs());
    assertEquals(List.of("challenge", "invite", "provisional", "final", "reason_q850"), keys(unavailable));
    assertEquals(List.of("zeek-sip-wireshark.pcap#70", "zeek-sip-wireshark.pcap#72",
        "zeek-sip-wireshark.pcap#74", "zeek-sip-wireshark.pcap#75", "zeek-sip-wireshark.pcap#75"),
        unavailable.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("udp:212.242.33.35:5060", "183 In band info available", "426"),
        unavailable.evidence().get(2).args());
    assertEquals(List.of("21", "q850_21"), unavailable.evidence().get(4).args());
    assertEquals("The response gives its reason: Q.850 cause 21, the call was rejected.",
        new FindingText(Locale.ENGLISH).evidence(unavailable, unavailable.evidence().get(4)));
    assertEquals("Die Antwort nennt ihren Grund: Q.850-Ursache 21, der Anruf wurde abgewiesen.",
        new FindingText(Locale.GERMAN).evidence(unavailable, unavailable.evidence().get(4)));
    assertEquals(List.of("unavailable"), adviceKeys(unavailable));
  }

  @Test
  void informs_of_a_declined_call() {
    // INVITE → 100 Trying → 603 Decline
    List<Finding> found = ofAllRules(Incidents.of(Incidents.corpus("sip/sipnab-SIP_DTMF2.cap")));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals("603 Decline", f.titleArgs().get(3));
    assertEquals(List.of("sipnab-SIP_DTMF2.cap#7", "sipnab-SIP_DTMF2.cap#8", "sipnab-SIP_DTMF2.cap#9"),
        f.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("declined"), adviceKeys(f));
    assertEquals(List.of("2504"), f.advice().get(0).args());
  }

  @Test
  void one_finding_for_each_way_the_calls_of_a_load_run_failed() {
    // a SIPp run: 1148 calls get 403 after 180 Ringing, 14 no final response although the capture
    // goes on for more than 32 s
    List<Finding> found = ofAllRules(Incidents.of(Incidents.corpus("sip/sipnab-sipp-branch-scenario.pcapng")));
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.stream().allMatch(f -> f.severity() == Severity.WARNING));
    Finding forbidden = found.get(0);
    assertEquals(List.of("ua1", "ua2", "127.0.0.1", "403 Error", "1148"), forbidden.titleArgs());
    assertEquals(1148, forbidden.callIds().size());
    assertEquals("1-4461@127.0.1.1", forbidden.callIds().get(0));
    assertEquals(List.of("invite", "provisional", "final", "more_calls"), keys(forbidden));
    Evidence more = forbidden.evidence().get(3);
    assertEquals(8987, more.frame().number());
    assertEquals(List.of("1147", "127.0.0.1"), more.args());
    assertEquals("sip.Status-Code == 403 && sip.CSeq.method == \"INVITE\" && ip.src == 127.0.0.1",
        more.displayFilter());
    assertEquals(List.of("forbidden"), adviceKeys(forbidden));
    assertEquals("1148 calls failed at 127.0.0.1: 403 Error (the first from ua1 to ua2)",
        new FindingText(Locale.ENGLISH).title(forbidden));
    assertEquals("1148 Anrufe scheiterten bei 127.0.0.1: 403 Error (der erste von ua1 an ua2)",
        new FindingText(Locale.GERMAN).title(forbidden));
    Finding silent = found.get(1);
    assertEquals(List.of("ua1", "ua2", "127.0.0.1", "no_final", "14"), silent.titleArgs());
    assertEquals(14, silent.callIds().size());
    assertEquals("2-4461@127.0.1.1", silent.callIds().get(0));
    assertEquals(List.of("invite", "provisional", "no_final", "more_calls_unanswered"), keys(silent));
    assertNull(silent.evidence().get(2).frame());
    assertEquals(List.of("udp:127.0.0.1:5060", "1"), silent.evidence().get(2).args());
    assertEquals(5362, silent.evidence().get(3).frame().number());
    assertEquals(List.of("no_answer", "check_next_hop"), adviceKeys(silent));
    assertEquals("14 calls failed at 127.0.0.1: no final response (the first from ua1 to ua2)",
        new FindingText(Locale.ENGLISH).title(silent));
  }

  @Test
  void fires_for_a_408_after_100_trying_when_run_alone() {
    // the proxy answers bob 100 Trying, then 408 when alice's NAT drops its INVITE
    List<Finding> found = Incidents.findingsMerged(rule, LabCaptures.of("nat-binding-expired"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("bob", "alice", "198.51.100.10", "408 Request Timeout", "1"), f.titleArgs());
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#10", "pbx.pcapng#21"),
        f.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("no_answer", "check_next_hop"), adviceKeys(f));
  }

  @Test
  void names_the_server_that_decided_when_a_proxy_passed_the_response_on() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("sdp-rejected-488"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("bob", "dave", "203.0.113.30", "488 Not Acceptable Here", "1"), f.titleArgs());
    assertEquals(List.of("invite", "provisional", "decided", "final"), keys(f));
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#10", "pbx.pcapng#12", "pbx.pcapng#14"),
        f.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("udp:203.0.113.30:5060", "488 Not Acceptable Here", "udp:198.51.100.10:5060"),
        f.evidence().get(2).args());
    assertEquals(List.of("request_refused", "check_server_log"), adviceKeys(f));
  }

  @ParameterizedTest
  @CsvSource({"acl-rejected-403", "sdp-rejected-488", "acl-candidates-488", "nat-binding-expired",
      "toll-fraud-scan"})
  void silent_when_another_rule_reports_the_call(String scenario) {
    // alone, the rule reports each of these failed calls (the scan: each refused try)
    assertTrue(!Incidents.findingsMerged(rule, LabCaptures.of(scenario)).isEmpty(), scenario);
    assertEquals(List.of(), ofAllRules(Incidents.merged(LabCaptures.of(scenario))));
  }

  @Test
  void silent_when_the_caller_cancelled() {
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/pkts-cancel.pcap")));
    assertEquals(List.of(), Incidents.findingsMerged(rule, LabCaptures.of("forking")));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findingsMerged(rule, LabCaptures.of(scenario)));
  }

  @Test
  void runs_after_every_other_rule() {
    assertInstanceOf(CallRejected.class, Rules.ALL.get(Rules.ALL.size() - 1));
  }

  /**
   * Synthetic captures (the test kit): no capture of the corpus or the lab has these final
   * statuses. INVITE, 100 Trying, the final response, ACK.
   */
  @ParameterizedTest
  @CsvSource({
    "302 Moved Temporarily, WARNING, redirected",
    "407 Proxy Authentication Required, WARNING, credentials_missing",
    "420 Bad Extension, WARNING, request_refused",
    "484 Address Incomplete, WARNING, unknown_number",
    "486 Busy Here, INFO, busy",
    "500 Server Internal Error, WARNING, server_error",
    "503 Service Unavailable, WARNING, service_unavailable",
    "600 Busy Everywhere, INFO, busy",
    "604 Does Not Exist Anywhere, WARNING, unknown_number",
  })
  void judges_each_status_class(String status, Severity severity, String advice) throws IOException {
    Finding f = single(failedCall(status, ""));
    assertEquals(severity, f.severity());
    assertEquals(List.of("alice", "bob", "198.51.100.20", status, "1"), f.titleArgs());
    assertEquals(List.of("invite", "provisional", "final"), keys(f));
    assertEquals(advice, f.advice().get(0).key());
    // every text is there in both languages
    for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
      FindingText text = new FindingText(l);
      text.title(f);
      f.evidence().forEach(e -> text.evidence(f, e));
      f.advice().forEach(a -> text.advice(f, a));
    }
  }

  /** Synthetic, as above: a 503 whose Reason header gives the Q.850 cause and its text. */
  @Test
  void cites_the_reason_header() throws IOException {
    Finding f = single(failedCall("503 Service Unavailable",
        "Reason: Q.850;cause=34;text=\"No circuit/channel available\"\r\n"));
    Evidence reason = f.evidence().get(3);
    assertEquals("reason_text", reason.key());
    assertEquals(List.of("Q.850", "34", "No circuit/channel available"), reason.args());
    assertEquals(f.evidence().get(2).frame(), reason.frame());
    assertEquals(List.of("service_unavailable", "check_server_log"), adviceKeys(f));
    assertEquals(
        "The response gives its reason: Q.850 cause 34 (\"No circuit/channel available\").",
        new FindingText(Locale.ENGLISH).evidence(f, reason));
  }

  private Path failedCall(String status, String extraHeader) throws IOException {
    Party alice = new Party("alice", "192.0.2.10", 4000);
    Party bob = new Party("bob", "198.51.100.20", 6000);
    SyntheticCalls c = new SyntheticCalls();
    c.sip(0, alice.address(), bob.address(), invite("r1", alice, bob, sdp(alice.address(), 4000, "0")));
    c.sip(10, bob.address(), alice.address(), response("r1", alice, bob, "100 Trying", "INVITE", 1, "")
        .replace(";tag=b-r1", ""));
    c.sip(50, bob.address(), alice.address(), response("r1", alice, bob, status, "INVITE", 1, "")
        .replace("Content-Length", extraHeader + "Content-Length"));
    c.sip(60, alice.address(), bob.address(), request("ACK", "r1", alice, bob, 1));
    return c.writeTo(dir.resolve("failed.pcap"));
  }

  private Finding single(Path capture) {
    List<Finding> found = ofAllRules(Incidents.of(capture));
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  /** The CALL_REJECTED findings when every rule runs, as analyze runs them. */
  @Test
  void every_explained_q850_cause_has_words_in_both_languages() throws java.io.IOException {
    for (String language : new String[] {"", "_de"}) {
      java.util.Properties texts = io.voipdoc.testkit.TextBundles.load(java.nio.file.Path.of(
          "src/main/resources/io/voipdoc/diagnose/rules/signalling/Messages" + language + ".properties"));
      for (int cause : CallRejected.Q850_MEANINGS) {
        assertTrue(texts.containsKey("CALL_REJECTED.term.q850_" + cause), language + " " + cause);
      }
    }
  }

  private static List<Finding> ofAllRules(io.voipdoc.correlate.incident.Incident incident) {
    return Diagnoser.diagnose(incident).stream().filter(f -> f.id().equals("CALL_REJECTED")).toList();
  }

  private static List<String> keys(Finding f) {
    return f.evidence().stream().map(Evidence::key).toList();
  }

  private static List<String> adviceKeys(Finding f) {
    return f.advice().stream().map(Advice::key).toList();
  }
}
