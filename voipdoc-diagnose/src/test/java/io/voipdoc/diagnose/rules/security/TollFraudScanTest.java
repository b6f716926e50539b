package io.voipdoc.diagnose.rules.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.SourceActivity;
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

class TollFraudScanTest {
  private final TollFraudScan rule = new TollFraudScan();

  @Test
  void fires_when_svmap_and_svwar_probe_the_pbx() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("toll-fraud-scan"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("203.0.113.20", f.subject());
    // 1 OPTIONS + 101 INVITEs (the ACKs to the 404s belong to their INVITEs); tshark counts
    // 101 distinct To users among the INVITEs, 100..199 and 65619916
    assertEquals(List.of("203.0.113.20", "102", "101", "102"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    assertEquals("first", ev.get(0).key());
    assertEquals(1L, ev.get(0).frame().number());
    assertEquals("frame.number == 1", ev.get(0).displayFilter());
    assertEquals("1 OPTIONS, 101 INVITE", ev.get(0).args().get(2));
    assertEquals("user_agent", ev.get(1).key());
    assertEquals(List.of("friendly-scanner"), ev.get(1).args());
    assertEquals("users", ev.get(2).key());
    // 100..198 are each followed by the next number
    assertEquals(List.of("101", "100, 65619916, 101, 102, 103", "99"), ev.get(2).args());
    List<Evidence> refused = ev.stream().filter(e -> e.key().equals("refused")).toList();
    assertEquals(3, refused.size());
    assertEquals(List.of(2L, 4L, 6L), refused.stream().map(e -> e.frame().number()).toList());
    assertTrue(refused.get(0).args().get(0).startsWith("SIP/2.0 404"), refused.get(0).args().toString());
    assertEquals(List.of("block", "restrict", "passwords", "rate_limit", "spending_limit"),
        f.advice().stream().map(a -> a.key()).toList());
    String title = new FindingText(Locale.GERMAN).title(f);
    assertTrue(title.startsWith("203.0.113.20 durchsucht"), title);
  }

  @Test
  void source_activity_counts_what_the_scanner_sent() {
    Incident incident = Incidents.of(LabCaptures.of("toll-fraud-scan"));
    SourceActivity s = incident.sources().stream()
        .filter(a -> a.address().getHostAddress().equals("203.0.113.20")).findFirst().orElseThrow();
    assertEquals(102, s.requests());
    assertEquals(101, s.users().size());
    assertEquals(1L, s.first().frame().number());
    assertEquals("OPTIONS", s.first().method());
    // the OPTIONS and every INVITE got 404 (tshark: sip.Status-Code && ip.dst == 203.0.113.20)
    assertEquals(java.util.Map.of(404, 102L), s.statuses());
    assertEquals(null, s.firstAccepted());
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "acl-rejected-403", "sdp-rejected-488", "registration-failed"
  })
  void silent_when_calls_or_registrations_simply_fail(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_sipp_runs_a_load_test() {
    // 1334 REGISTERs and INVITEs from one sipp source to ua1/ua2: two users, registrations all 200
    assertEquals(List.of(),
        Incidents.findings(rule, Incidents.corpus("sip/sipnab-sipp-branch-scenario.pcapng")));
  }

  @Test
  void silent_when_a_phone_retries_wrong_credentials() {
    // 14 REGISTERs answered 401, one 403, for three accounts; INVITEs challenged with 407
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/sipnab-sip-auth-failure.pcapng")));
  }

  @Test
  void sequential_counts_numbers_followed_by_the_next() {
    assertEquals(2, TollFraudScan.sequential(List.of("100", "101", "102", "alice", "205")));
    assertEquals(0, TollFraudScan.sequential(List.of("alice", "bob", "007", "")));
  }
}
