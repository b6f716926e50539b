package io.voipdoc.diagnose.rules.media;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoMediaTest {
  private static final NoMedia RULE = new NoMedia();

  @Test
  void fires_when_answered_call_has_no_rtp_at_either_phone() {
    List<Finding> found =
        Incidents.findings(
            RULE,
            Incidents.lab("no-media", "bob.pcapng"),
            Incidents.lab("no-media", "dave.pcapng"),
            Incidents.lab("no-media", "pbx.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("203.0.113.20:11900", "203.0.113.30:19530", "bob", "dave"), f.titleArgs());
    // the 200 OK with the answer SDP at both phones, then the ACK
    assertEquals("bob.pcapng#8", at(f.evidence().get(0)));
    assertEquals("dave.pcapng#7", at(f.evidence().get(1)));
    assertEquals("bob.pcapng#9", at(f.evidence().get(2)));
    assertEquals("frame.number == 8", f.evidence().get(0).displayFilter());
    Evidence absence = f.evidence().get(3);
    assertNull(absence.frame());
    assertEquals(
        "ip.addr == 203.0.113.20 && udp.port == 11900 || ip.addr == 203.0.113.30 && udp.port == 19530",
        absence.displayFilter());
  }

  @Test
  void fires_on_a_phone_capture_alone() {
    List<Finding> found = Incidents.findings(RULE, Incidents.lab("no-media", "bob.pcapng"));
    assertEquals(1, found.size());
    assertEquals("bob.pcapng#8", at(found.get(0).evidence().get(0)));
  }

  @Test
  void silent_when_the_capture_is_on_a_proxy_that_relays_only_signalling() {
    assertTrue(Incidents.findings(RULE, Incidents.lab("no-media", "pbx.pcapng")).isEmpty());
  }

  @Test
  void silent_when_ice_checks_failed() {
    assertTrue(
        Incidents.findings(
                RULE,
                Incidents.lab("ice-no-binding-success", "nat1-wan.pcapng"),
                Incidents.lab("ice-no-binding-success", "nat2-wan.pcapng"),
                Incidents.lab("ice-no-binding-success", "pbx.pcapng"))
            .isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "direct-call, bob.pcapng, pbx.pcapng",
    "hold-resume, bob.pcapng, pbx.pcapng",
    "blind-transfer, dave.pcapng, pbx.pcapng",
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng",
    "turn-relay-call, nat2-wan.pcapng, turn.pcapng",
    "sdp-rejected-488, pbx.pcapng, pbx.pcapng",
  })
  void silent_on_healthy_or_unanswered_calls(String scenario, String a, String b) {
    assertTrue(
        Incidents.findings(RULE, Incidents.lab(scenario, a), Incidents.lab(scenario, b)).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "sip/pkts-cancel.pcap",
    "sip/sipnab-sip-rtp-g711.pcap",
    "sip/sipnab-invite-opus-bye.pcap",
    "sip/sipnab-sip-488-codec-reject.pcapng",
  })
  void silent_on_corpus_calls_with_media_or_without_answer(String name) {
    assertTrue(Incidents.findings(RULE, Incidents.corpus(name)).isEmpty());
  }

}
