package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.TextLine;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rules;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclException;
import io.voipdoc.diagnose.acl.AclParser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lab acl-candidates-488: alice offers host 192.168.1.10 and srflx 203.0.113.11 (frame 9); the
 * controller, whose candidate list blacklists 192.168.0.0/16 and 203.0.113.0/24, answers 100
 * Trying (frame 10) and 488 listing PCMU (frame 11), and logs one line per candidate and component.
 */
class AclCandidates488Test {
  private static final String LAB = "acl-candidates-488";
  private final AclCandidates488 rule = new AclCandidates488();

  private static Incident incident(String scenario) {
    return Incidents.of(LabCaptures.of(scenario));
  }

  private List<Finding> judge(Incident incident, DiagnosisContext context) {
    return Diagnoser.diagnose(incident, context, List.of(rule));
  }

  private static List<String> where(Finding f) {
    return f.evidence().stream().map(LabPolicy::at).toList();
  }

  private static List<String> keys(Finding f) {
    return f.evidence().stream().map(Evidence::key).toList();
  }

  @Test
  void fires_from_the_capture_alone_when_the_488_lists_a_codec_of_the_offer() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of(LAB));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("alice", "dave", "198.51.100.10"), f.titleArgs());
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#11", "pbx.pcapng#11"), where(f));
    assertEquals(List.of("offer", "rejected", "codecs_match"), keys(f));
    assertEquals("PCMU", f.evidence().get(2).args().get(1));
    assertTrue(f.evidence().get(0).args().get(2).contains("203.0.113.11:12342 srflx"), f.evidence().get(0).args().toString());
    assertEquals(List.of("198.51.100.10", "192.168.1.10, 203.0.113.11"), f.advice().get(0).args());
  }

  @Test
  void fires_with_the_log_citing_the_first_rejection_of_each_address() {
    Incident incident = incident(LAB);
    Finding f = judge(incident, LabPolicy.of(incident, LAB, true, null)).get(0);
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#11", "pbx.pcapng#11", "kamailio.log:1", "kamailio.log:3"), where(f));
    assertEquals(List.of("192.168.1.10", "candidates"), f.evidence().get(3).args());
    assertEquals(List.of("203.0.113.11", "candidates"), f.evidence().get(4).args());
    assertTrue(f.evidence().get(4).line().text().endsWith("candidate 203.0.113.11:12342 rejected by acl \"candidates\""));
  }

  @Test
  void fires_with_the_acl_naming_the_entry_that_blocks_each_candidate() {
    Incident incident = incident(LAB);
    Finding f = judge(incident, LabPolicy.of(incident, LAB, false, LabPolicy.acl(LAB))).get(0);
    assertEquals(List.of("pbx.pcapng#9", "pbx.pcapng#11", "pbx.pcapng#11", "acl.txt:3", "acl.txt:4"), where(f));
    assertEquals(List.of("192.168.1.10", "candidates", "blacklist 192.168.0.0/16"), f.evidence().get(3).args());
    assertEquals(List.of("203.0.113.11", "candidates", "blacklist 203.0.113.0/24"), f.evidence().get(4).args());
    assertEquals("change_entries", f.advice().get(0).key());
    assertEquals(List.of("blacklist 192.168.0.0/16, blacklist 203.0.113.0/24", "192.168.1.10, 203.0.113.11"),
        f.advice().get(0).args());
    String text = new FindingText(Locale.GERMAN).evidence(f, f.evidence().get(4));
    assertTrue(text.contains("„blacklist 203.0.113.0/24“"), text);
  }

  @Test
  void silent_when_the_acl_given_lets_a_candidate_through() throws AclException {
    Incident incident = incident(LAB);
    Acl open = AclParser.parse("open.txt", List.of(
        new TextLine(1, "blacklist 192.168.0.0/16", false, false),
        new TextLine(2, "blacklist 203.0.113.0/24", false, false),
        new TextLine(3, "whitelist 203.0.113.11", false, false)));
    DiagnosisContext context = new DiagnosisContext(LogTimeline.EMPTY, open);
    assertEquals(List.of(), judge(incident, context));
    // then the 488 is the codecs' business again
    List<Finding> all = Diagnoser.diagnose(incident, context, Rules.ALL);
    assertEquals(List.of("SDP_REJECTED_488"), all.stream().map(Finding::id).toList());
  }

  @Test
  void never_reported_together_with_sdp_rejected_488() {
    Incident incident = incident(LAB);
    for (DiagnosisContext context : List.of(DiagnosisContext.NONE, LabPolicy.of(incident, LAB, true, LabPolicy.acl(LAB)))) {
      List<Finding> all = Diagnoser.diagnose(incident, context, Rules.ALL);
      assertEquals(List.of("ACL_CANDIDATES_488"), all.stream().map(Finding::id).toList());
    }
  }

  @Test
  void silent_when_no_codec_is_common() {
    // lab sdp-rejected-488: dave allows only Opus, the offer holds PCMU; no ICE, no 100 from dave
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("sdp-rejected-488")));
  }

  @Test
  void silent_when_the_caller_is_refused_for_its_address() {
    Incident incident = incident("acl-rejected-403");
    assertEquals(List.of(), judge(incident, LabPolicy.of(incident, "acl-rejected-403", true, LabPolicy.acl("acl-rejected-403"))));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }
}
