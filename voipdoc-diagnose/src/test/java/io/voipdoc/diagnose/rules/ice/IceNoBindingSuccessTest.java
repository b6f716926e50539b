package io.voipdoc.diagnose.rules.ice;

import static io.voipdoc.diagnose.Incidents.findingsInLab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceNoBindingSuccessTest {
  private static final IceNoBindingSuccess RULE = new IceNoBindingSuccess();



  @Test
  void fires_when_one_sides_checks_are_never_answered() {
    List<Finding> found =
        findingsInLab(RULE, "ice-no-binding-success", "nat1-wan.pcapng", "nat2-wan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals("203.0.113.11", f.titleArgs().get(0));
    assertEquals("4", f.titleArgs().get(2));
    // alice's first check per pair; frame 21 goes to carol's srflx candidate, and the checks to
    // carol's srflx candidates are seen arriving at carol's router too (nat2-wan), unanswered
    assertEquals(
        List.of(
            "nat1-wan.pcapng#14",
            "nat1-wan.pcapng#21",
            "nat2-wan.pcapng#21",
            "nat1-wan.pcapng#31",
            "nat1-wan.pcapng#37",
            "nat2-wan.pcapng#37"),
        f.evidence().stream().map(Incidents::at).toList());
    Evidence srflx = f.evidence().get(1);
    assertEquals("seen_elsewhere", f.evidence().get(2).key());
    assertEquals(List.of("203.0.113.11:14214", "203.0.113.12:10888"), srflx.args().subList(0, 2));
    assertTrue(srflx.displayFilter().matches("stun\\.id == [0-9a-f]{24}"), srflx.displayFilter());
  }

  @Test
  void fires_when_only_private_candidates_are_checked_from_the_lan() {
    List<Finding> found =
        findingsInLab(RULE, "ice-only-private-candidates", "nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size());
    assertEquals("192.168.1.10", found.get(0).titleArgs().get(0));
    List<String> cited = found.get(0).evidence().stream().map(Incidents::at).toList();
    // checks from the LAN, and the same checks leaving the NAT on its WAN side
    assertTrue(cited.contains("nat1-lan.pcapng#20"), cited.toString());
    assertTrue(cited.contains("nat1-wan.pcapng#16"), cited.toString());
  }

  @Test
  void silent_when_checks_succeed_in_both_directions() {
    assertTrue(findingsInLab(RULE, "ice-call", "nat1-wan.pcapng", "nat2-wan.pcapng", "pbx.pcapng").isEmpty());
    assertTrue(findingsInLab(RULE, "turn-relay-call", "nat2-wan.pcapng", "pbx.pcapng", "turn.pcapng").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stun-ice/arkime-stun-ice-testcall.pcap", "stun-ice/zeek-webrtc-stun.pcap",
      "stun-ice/arkime-stun.pcap", "stun-ice/arkime-turn.pcap"})
  void silent_on_corpus_captures_where_checks_succeed(String name) {
    assertTrue(Incidents.findings(RULE, Incidents.corpus(name)).isEmpty());
  }
}
