package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.TextLine;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclParser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AclRejected403Test {
  private final AclRejected403 rule = new AclRejected403();

  @Test
  void fires_when_the_invite_is_refused_without_ringing() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("acl-rejected-403"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("bob", "dave", "203.0.113.20"), f.titleArgs());
    assertEquals(List.of(9L, 10L), f.evidence().stream().map(e -> e.frame().number()).toList());
    assertEquals("frame.number == 10", f.evidence().get(1).displayFilter());
    assertEquals(List.of("203.0.113.20", "198.51.100.10"), f.advice().get(0).args());
    String advice = new FindingText(Locale.ENGLISH).advice(f, f.advice().get(1));
    assertTrue(advice.contains("'IP 203.0.113.20 Rejected by acl \"<name>\"'"), advice);
  }

  @Test
  void fires_with_the_controllers_log_line_and_the_acl_verdict() {
    Incident incident = Incidents.of(LabCaptures.of("acl-rejected-403"));
    DiagnosisContext context = LabPolicy.of(incident, "acl-rejected-403", true, LabPolicy.acl("acl-rejected-403"));
    Finding f = Diagnoser.diagnose(incident, context, List.of(rule)).get(0);
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#10", "kamailio.log:1", "-"),
        f.evidence().stream().map(LabPolicy::at).toList());
    assertEquals(List.of("invite", "forbidden", "log_rejected", "acl_not_whitelisted"),
        f.evidence().stream().map(Evidence::key).toList());
    assertEquals(List.of("203.0.113.20", "group1"), f.evidence().get(2).args());
    // the log line sits on the captures' clock, at the 403
    assertEquals(f.evidence().get(1).frame().instant(), f.evidence().get(2).line().time());
    assertEquals(List.of("whitelist", "change_named_acl", "whitelist_specific"),
        f.advice().stream().map(Advice::key).toList());
    assertEquals(List.of("group1", "203.0.113.20"), f.advice().get(1).args());
  }

  @Test
  void says_so_when_the_acl_given_lets_the_sender_pass() throws Exception {
    Incident incident = Incidents.of(LabCaptures.of("acl-rejected-403"));
    Acl acl = AclParser.parse("new.txt", List.of(
        new TextLine(1, "whitelist 198.51.100.0/24", false, false),
        new TextLine(2, "whitelist 203.0.113.20", false, false)));
    DiagnosisContext context = new DiagnosisContext(LogTimeline.EMPTY, acl);
    Finding f = Diagnoser.diagnose(incident, context, List.of(rule)).get(0);
    assertEquals("acl_allows", f.evidence().get(2).key());
    assertEquals("new.txt:2", LabPolicy.at(f.evidence().get(2)));
    assertEquals(List.of("203.0.113.20", "new.txt", "whitelist 203.0.113.20/32"), f.evidence().get(2).args());
  }

  @Test
  void silent_when_403_judges_the_credentials_after_a_challenge() {
    // INVITE → 407 → INVITE with credentials → 403 "Wrong password or domain", twice
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
  }

  @Test
  void silent_when_403_comes_after_ringing() {
    // INVITE → 180 → 403: the callee declined; 1148 such calls
    assertEquals(
        List.of(), Incidents.findings(rule, Incidents.corpus("sip/sipnab-sipp-branch-scenario.pcapng")));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_the_call_is_refused_for_another_reason() {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("sdp-rejected-488")));
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("toll-fraud-scan")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/pkts-cancel.pcap")));
  }
}
