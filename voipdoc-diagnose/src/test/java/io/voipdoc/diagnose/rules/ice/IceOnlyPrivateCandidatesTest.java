package io.voipdoc.diagnose.rules.ice;

import static io.voipdoc.diagnose.Incidents.findingsInLab;
import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IceOnlyPrivateCandidatesTest {
  private static final IceOnlyPrivateCandidates RULE = new IceOnlyPrivateCandidates();

  @Test
  void fires_when_the_offer_has_only_private_host_candidates_and_crosses_a_nat() {
    List<Finding> found =
        findingsInLab(RULE, "ice-only-private-candidates", "nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(
        List.of("caller", "192.168.1.10:12844, 192.168.1.10:12845", "203.0.113.11"), f.titleArgs());
    List<String> frames = f.evidence().stream().map(Incidents::at).toList();
    // the offer, its copies from the NAT's public address, and the LAN STUN server's answers
    assertEquals(
        List.of("nat1-lan.pcapng#9", "nat1-wan.pcapng#5", "pbx.pcapng#9", "nat1-lan.pcapng#5",
            "nat1-lan.pcapng#6"),
        frames);
    assertEquals(List.of("192.168.1.1:3478", "192.168.1.10:12844"), f.evidence().get(3).args());
    // the side and the SDP's role in the reader's words
    FindingText de = new FindingText(Locale.GERMAN);
    assertTrue(de.title(f).startsWith("Eine Seite des Anrufs (Anrufer) bot"), de.title(f));
    assertTrue(de.evidence(f, f.evidence().get(0)).startsWith("SDP (Angebot) mit den Kandidaten"),
        de.evidence(f, f.evidence().get(0)));
    assertTrue(new FindingText(Locale.ENGLISH).title(f).startsWith("The caller offered"));
  }

  @Test
  void silent_when_the_lan_capture_alone_shows_no_nat() {
    assertTrue(findingsInLab(RULE, "ice-only-private-candidates", "nat1-lan.pcapng").isEmpty());
  }

  @Test
  void silent_when_srflx_candidates_are_offered() {
    assertTrue(findingsInLab(RULE, "ice-call", "nat1-wan.pcapng", "nat2-wan.pcapng", "pbx.pcapng").isEmpty());
    assertTrue(
        findingsInLab(RULE, "ice-no-binding-success", "nat1-wan.pcapng", "nat2-wan.pcapng", "pbx.pcapng").isEmpty());
    assertTrue(findingsInLab(RULE, "turn-relay-call", "nat2-wan.pcapng", "pbx.pcapng", "turn.pcapng").isEmpty());
  }
}
