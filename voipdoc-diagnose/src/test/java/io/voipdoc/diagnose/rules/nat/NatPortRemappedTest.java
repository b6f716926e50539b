package io.voipdoc.diagnose.rules.nat;

import static io.voipdoc.diagnose.Incidents.findingsInLab;
import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NatPortRemappedTest {
  private static final NatPortRemapped RULE = new NatPortRemapped();

  @Test
  void fires_when_media_leaves_the_nat_from_another_port_than_stun_learned() {
    List<Finding> found = findingsInLab(RULE, "nat-port-remapped", "bob.pcapng", "nat1-lan.pcapng", "nat1-wan.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("203.0.113.11:43111", "203.0.113.11:13414"), f.titleArgs());
    assertEquals(
        List.of("nat1-lan.pcapng#7", "bob.pcapng#8", "bob.pcapng#11"),
        f.evidence().stream().map(Incidents::at).toList());
    assertEquals(List.of("192.168.1.10:12032", "203.0.113.11:43111"), f.evidence().get(0).args());
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
    assertTrue(findingsInLab(RULE, scenario, a, b).isEmpty());
  }
}
