package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CallDropsAfter32sTest {
  private final CallDropsAfter32s rule = new CallDropsAfter32s();

  @Test
  void fires_when_ok_is_retransmitted_until_timer_h_without_ack() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("ack-lost-private-contact"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    // the LAN capture is read first: its INVITE (to the Contact) is the first leg
    assertEquals(List.of("bob", "alice-0x556646e33bd0", "32"), f.titleArgs());
    List<String> cited = f.evidence().stream()
        .map(e -> e.key() + "@" + e.frame().input().replaceAll(".*/", "") + "#" + e.frame().number())
        .toList();
    // alice's side (LAN) and the proxy's side both show the unacknowledged 200 OK
    assertTrue(cited.contains("first_ok@nat1-lan.pcapng#11"), cited.toString());
    assertTrue(cited.contains("first_ok@pbx.pcapng#14"), cited.toString());
    assertTrue(cited.contains("ack_elsewhere@pbx.pcapng#16"), cited.toString());
    Evidence ack = f.evidence().stream().filter(e -> e.key().equals("ack_elsewhere")).findFirst().orElseThrow();
    assertEquals("sip:alice-0x556646e33bd0@192.168.1.10:5060", ack.args().get(2));
    Evidence bye = f.evidence().get(f.evidence().size() - 1);
    assertEquals("bye", bye.key());
    assertEquals(List.of("fix_contact", "nat_helper", "disable_alg"),
        f.advice().stream().map(a -> a.key()).toList());
    assertEquals("192.168.1.10", f.advice().get(0).args().get(1));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_on_corpus_calls_with_acks() {
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/sipnab-sipp-branch-scenario.pcapng")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/sipnab-b2bua-asterisk.pcapng")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/pkts-sipp.pcap")));
  }
}
