package io.voipdoc.diagnose.rules.nat;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipAlgTamperingTest {
  private static final SipAlgTampering RULE = new SipAlgTampering();

  @Test
  void fires_when_the_same_invite_differs_between_lan_and_wan() {
    List<Finding> found =
        Incidents.findingsMerged(
            RULE,
            Incidents.lab("sip-alg-tampering", "nat1-lan.pcapng"),
            Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    List<Evidence> ev = f.evidence();
    assertEquals("rewritten", ev.get(0).key());
    assertEquals("nat1-wan.pcapng#5", at(ev.get(0)));
    assertEquals("INVITE", ev.get(0).args().get(0));
    assertEquals(
        "sip.Call-ID == \"" + ev.get(0).displayFilter().split("\"")[1]
            + "\" && sip.Via.branch == \"z9hG4bKe6c69445cf9e80cd\"",
        ev.get(0).displayFilter());
    assertEquals(List.of("Via", "192.168.1.10:5060", "203.0.113.11:5060"), ev.get(1).args());
    assertEquals("Contact", ev.get(2).args().get(0));
    assertEquals("sip:alice-0x56365f5f1bd0@192.168.1.10:5060", ev.get(2).args().get(1));
    assertEquals("sip:alice-0x56365f5f1bd0@203.0.113.11:5060", ev.get(2).args().get(2));
    assertEquals(
        List.of("SDP o=", "o=- 1016409226 1426060427 IN IP4 192.168.1.10",
            "o=- 1016409226 1426060427 IN IP4 203.0.113.11"),
        ev.get(3).args());
    assertEquals(List.of("SDP c=", "c=IN IP4 192.168.1.10", "c=IN IP4 203.0.113.11"),
        ev.get(4).args());
    assertEquals("original", ev.get(5).key());
    assertEquals("nat1-lan.pcapng#5", at(ev.get(5)));
    // the ACK and BYE of the call were rewritten too (Via only); the REGISTER is no call's
    assertEquals(
        List.of("rewritten@nat1-wan.pcapng#5", "rewritten@nat1-wan.pcapng#11",
            "rewritten@nat1-wan.pcapng#566"),
        ev.stream().filter(e -> e.key().equals("rewritten")).map(e -> e.key() + "@" + at(e))
            .toList());
  }

  @Test
  void fires_whichever_capture_is_read_first() {
    List<Finding> found =
        Incidents.findingsMerged(
            RULE,
            Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng"),
            Incidents.lab("sip-alg-tampering", "nat1-lan.pcapng"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("nat1-wan.pcapng#5", at(found.get(0).evidence().get(0)));
  }

  @Test
  void silent_on_one_capture_alone() {
    assertTrue(
        Incidents.findingsMerged(RULE, Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng")).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "nat-binding-expired, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "ice-only-private-candidates, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "ack-lost-private-contact, nat1-lan.pcapng, pbx.pcapng, pbx.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng, pbx.pcapng",
    "turn-relay-call, nat2-wan.pcapng, turn.pcapng, pbx.pcapng",
    "direct-call, bob.pcapng, pbx.pcapng, pbx.pcapng",
    "blind-transfer, dave.pcapng, pbx.pcapng, pbx.pcapng",
    "hold-resume, bob.pcapng, pbx.pcapng, pbx.pcapng",
  })
  void silent_when_a_nat_or_proxy_changes_only_headers_or_its_own_hop(
      String scenario, String a, String b, String c) {
    assertTrue(
        Incidents.findingsMerged(
                RULE,
                Incidents.lab(scenario, a),
                Incidents.lab(scenario, b),
                Incidents.lab(scenario, c))
            .isEmpty());
  }

}
