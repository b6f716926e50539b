package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.media.NoMedia;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureSignallingOnlyTest {
  private static final CaptureSignallingOnly RULE = new CaptureSignallingOnly();

  @Test
  void fires_on_a_capture_that_holds_nothing_but_sip() {
    // the Wireshark sample of DTMF by SIP INFO: an answered call, 32 SIP frames, nothing else
    List<Finding> found = Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-DTMFsipinfo.pcap"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertEquals(List.of("1", "1"), found.get(0).titleArgs());
  }

  @Test
  void no_media_is_only_information_then() {
    List<Finding> noMedia = Fixtures.findings(new NoMedia(), Incidents.corpus("sip/sipnab-DTMFsipinfo.pcap"));
    assertEquals(1, noMedia.size());
    assertEquals(Severity.INFO, noMedia.get(0).severity());
    assertEquals("only_sip", noMedia.get(0).evidence().get(noMedia.get(0).evidence().size() - 1).key());
  }

  @Test
  void fires_on_the_no_media_lab_whose_captures_hold_only_sip_too() {
    List<Finding> found = Fixtures.findings(RULE, LabCaptures.of("no-media"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("3", found.get(0).titleArgs().get(1));
    assertEquals("bob.pcapng#8", at(found.get(0).evidence().get(0)));
  }

  @Test
  void silent_when_media_was_captured() {
    assertTrue(Fixtures.findings(RULE, LabCaptures.of("direct-call")).isEmpty());
    assertTrue(Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-sip-rtp-g711.pcap")).isEmpty());
  }

  @Test
  void silent_without_an_answered_call() {
    assertTrue(Fixtures.findings(RULE, LabCaptures.of("sdp-rejected-488")).isEmpty());
  }
}
