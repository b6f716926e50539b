package io.voipdoc.diagnose.rules.nat;

import static io.voipdoc.diagnose.Incidents.findingsInLabMerged;
import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NatPortRemappedTest {
  private static final NatPortRemapped RULE = new NatPortRemapped();

  @Test
  void fires_when_media_leaves_the_nat_from_another_port_than_stun_learned() {
    List<Finding> found = findingsInLabMerged(RULE, "nat-port-remapped", "bob.pcapng", "nat1-lan.pcapng", "nat1-wan.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("203.0.113.11:43111", "203.0.113.11:13414"), f.titleArgs());
    // STUN, the SDP and the first RTP packet beyond the NAT (merged by time: the WAN side sees
    // it first), then the same packet at both capture points
    assertEquals(
        List.of("stun@nat1-lan.pcapng#7", "announced@nat1-lan.pcapng#11",
            "rtp_from_other_port@nat1-wan.pcapng#14", "sent_at_point@nat1-lan.pcapng#13",
            "remapped_at_point@nat1-wan.pcapng#14"),
        f.evidence().stream().map(e -> e.key() + "@" + Incidents.at(e)).toList());
    assertEquals(List.of("192.168.1.10:12032", "203.0.113.11:43111"), f.evidence().get(0).args());
    assertEquals(
        List.of("nat1-lan.pcapng", "192.168.1.10:12032", "203.0.113.20:11896", "326"),
        List.of(Path.of(f.evidence().get(3).args().get(0)).getFileName().toString(),
            f.evidence().get(3).args().get(1), f.evidence().get(3).args().get(2),
            f.evidence().get(3).args().get(3)));
    assertEquals("203.0.113.11:13414", f.evidence().get(4).args().get(1));
    assertEquals("192.168.1.10:12032", f.evidence().get(4).args().get(3));
  }

  @Test
  void fires_from_the_two_sides_of_the_nat_alone() {
    // no capture at the peer: the remapping shows between the LAN and WAN captures
    List<Finding> found =
        findingsInLabMerged(RULE, "nat-port-remapped", "nat1-lan.pcapng", "nat1-wan.pcapng");
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found.get(0).evidence().stream().map(e -> e.key() + "@" + Incidents.at(e)).toList()
            .containsAll(List.of("sent_at_point@nat1-lan.pcapng#13",
                "remapped_at_point@nat1-wan.pcapng#14")));
  }

  @ParameterizedTest
  @CsvSource({
    "one-way-audio, nat1-lan.pcapng, nat1-wan.pcapng",
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng",
    "sip-alg-tampering, nat1-lan.pcapng, nat1-wan.pcapng",
    "media-address-mismatch, bob.pcapng, pbx.pcapng",
  })
  void silent_when_the_nat_keeps_the_announced_port(String scenario, String a, String b) {
    assertTrue(findingsInLabMerged(RULE, scenario, a, b).isEmpty());
  }
}
