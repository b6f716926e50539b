package io.voipdoc.diagnose.rules.media;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaAddressMismatchTest {
  private static final MediaAddressMismatch RULE = new MediaAddressMismatch();

  private static List<Finding> lab(String scenario, String... captures) {
    return Incidents.findingsInLab(RULE, scenario, captures);
  }

  @Test
  void fires_when_media_comes_from_another_public_address_than_announced() {
    List<Finding> found = lab("media-address-mismatch", "bob.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("203.0.113.31", "203.0.113.30"), f.titleArgs());
    assertEquals("bob.pcapng#9", at(f.evidence().get(0)));
    assertEquals("bob.pcapng#12", at(f.evidence().get(1)));
    assertEquals(
        "ip.src == 203.0.113.31 && udp.srcport == 14900 && ip.dst == 203.0.113.20 && udp.dstport == 12534",
        f.evidence().get(1).displayFilter());
  }

  @ParameterizedTest
  @CsvSource({
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng",
    "nat-port-remapped, bob.pcapng, nat1-lan.pcapng",
    "private-address-in-sdp, bob.pcapng, nat1-lan.pcapng",
    "sip-alg-tampering, nat1-lan.pcapng, nat1-wan.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng",
    "direct-call, bob.pcapng, pbx.pcapng",
    "blind-transfer, dave.pcapng, pbx.pcapng",
  })
  void silent_when_media_uses_announced_or_natted_addresses(String scenario, String a, String b) {
    assertTrue(lab(scenario, a, b).isEmpty());
  }
}
