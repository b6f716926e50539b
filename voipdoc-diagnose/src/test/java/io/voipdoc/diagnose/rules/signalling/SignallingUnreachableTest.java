package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignallingUnreachableTest {
  private final SignallingUnreachable rule = new SignallingUnreachable();

  @Test
  void fires_when_a_firewall_drops_the_requests() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("signalling-unreachable-drop"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("udp:198.51.100.10:5060", f.subject());
    assertEquals(List.of("198.51.100.10:5060", "UDP"), f.titleArgs());
    assertEquals(1L, f.evidence().get(0).frame().number());
    assertEquals("ip.addr == 198.51.100.10 && udp.port == 5060", f.evidence().get(0).displayFilter());
    // tshark counts 11 REGISTERs within timer F: the first and 10 retransmissions
    assertEquals(List.of("REGISTER", "udp:203.0.113.20:5060", "udp:198.51.100.10:5060", "1", "10"),
        f.evidence().get(0).args());
    assertEquals("no_answer", f.evidence().get(1).key());
    assertNull(f.evidence().get(1).frame());
    assertEquals("check_address", f.advice().get(0).key());
  }

  @Test
  void fires_when_the_host_refuses_with_icmp() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("signalling-unreachable-down"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(1L, f.evidence().get(0).frame().number());
    assertEquals("icmp_from_host", f.evidence().get(1).key());
    assertEquals(2L, f.evidence().get(1).frame().number());
    assertEquals(List.of("198.51.100.10", "198.51.100.10", "5060"), f.evidence().get(1).args());
    assertEquals("start_server", f.advice().get(0).key());
  }

  @Test
  void silent_when_the_destination_registered_before() {
    // the proxy's INVITE to alice's expired NAT mapping is NAT_BINDING_EXPIRED
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("nat-binding-expired")));
  }

  @Test
  void silent_when_the_server_answered_at_least_once() {
    // INVITEs retransmitted three times, then "100 trying" and a 408 from the far proxy
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_the_ack_is_lost() {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("ack-lost-private-contact")));
  }
}
