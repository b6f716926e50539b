package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SdpRejected488Test {
  private final SdpRejected488 rule = new SdpRejected488();

  @Test
  void fires_when_the_callee_finds_no_common_codec() {
    List<Finding> found = Incidents.findings(rule, LabCaptures.of("sdp-rejected-488"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("bob", "dave", "488"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    assertEquals("offer", ev.get(0).key());
    assertEquals(9L, ev.get(0).frame().number());
    assertEquals("audio: PCMU, telephone-event", ev.get(0).args().get(2));
    // dave's 488 to the proxy, then the proxy's 488 to bob
    assertEquals(List.of(12L, 14L), ev.stream().skip(1).map(e -> e.frame().number()).toList());
    assertEquals("udp:203.0.113.20:5060", ev.get(2).args().get(1));
    assertEquals("compare_codecs", f.advice().get(0).key());
    assertEquals(
        "Der Anruf von bob an dave wurde mit 488 abgewiesen: Die angerufene Seite kann keinen der"
            + " angebotenen Codecs verwenden",
        new FindingText(Locale.GERMAN).title(f));
  }

  @Test
  void fires_when_the_offer_has_only_a_disabled_stream() {
    List<Finding> found =
        Incidents.findings(rule, Incidents.corpus("sip/sipnab-sip-488-codec-reject.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("8801", "8802", "488"), f.titleArgs());
    assertEquals("audio: PCMU (port 0)", f.evidence().get(0).args().get(2));
    assertEquals(12L, f.evidence().get(1).frame().number());
    assertEquals(List.of("enable_stream"), f.advice().stream().map(a -> a.key()).toList());
    assertEquals(List.of("192.168.8.183"), f.advice().get(0).args());
    assertEquals("The call from 8801 to 8802 was refused with 488: the offer had no active media stream"
        + " (every stream was offered with port 0)", new FindingText(Locale.ENGLISH).title(f));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_the_call_is_refused_for_another_reason() {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("acl-rejected-403")));
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("toll-fraud-scan")));
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/pkts-cancel.pcap")));
  }
}
