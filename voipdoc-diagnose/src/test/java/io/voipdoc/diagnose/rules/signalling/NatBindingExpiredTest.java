package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NatBindingExpiredTest {
  private final NatBindingExpired rule = new NatBindingExpired();

  @Test
  void fires_when_the_invite_to_the_registered_contact_times_out_after_idle() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("nat-binding-expired"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("sip:alice@198.51.100.10", "203.0.113.11:5060", "15"), f.titleArgs());
    List<String> cited = f.evidence().stream()
        .map(e -> e.key() + "@" + e.frame().input().replaceAll(".*/", "") + "#" + e.frame().number())
        .toList();
    assertEquals(
        List.of("registered@nat1-lan.pcapng#4", "invite_unanswered@nat1-wan.pcapng#5",
            "invite_unanswered@pbx.pcapng#11", "caller_told@pbx.pcapng#21"),
        cited);
    assertEquals(List.of("udp:198.51.100.10:5060", "udp:203.0.113.11:5060", "15", "19"),
        f.evidence().get(2).args());
    assertEquals("keepalive", f.advice().get(0).key());
  }

  @Test
  void fires_on_the_proxy_capture_alone() {
    List<Finding> found = Incidents.findings(rule, Incidents.lab("nat-binding-expired", "pbx.pcapng"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(11L, found.get(0).evidence().get(1).frame().number());
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_the_server_is_unreachable_or_the_ack_is_lost() {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("signalling-unreachable-drop")));
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("ack-lost-private-contact")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
  }
}
