package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureOneLegOnlyTest {
  private static final CaptureOneLegOnly RULE = new CaptureOneLegOnly();
  private static final String B2BUA = "sip/sipnab-b2bua-asterisk.pcapng";
  /** Call-ID of the leg Asterisk opens towards telephone2. */
  private static final String SECOND_LEG = "37686afc57ce24ac655742b3644a7bb8";

  @Test
  void fires_when_the_b2bua_capture_lacks_the_second_leg(@TempDir Path tmp) throws Exception {
    Path cut = Fixtures.without(Incidents.corpus(B2BUA), SECOND_LEG, tmp.resolve("first-leg.pcapng"));
    List<Finding> found = Fixtures.findings(RULE, cut);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("172.16.98.101", f.titleArgs().get(2));
    // the first INVITE (frame 19) and Asterisk's 180 Ringing (frame 29 of the original, 24 once the five
    // frames of the second leg before it are gone)
    assertEquals("first-leg.pcapng#19", at(f.evidence().get(0)));
    assertEquals("first-leg.pcapng#24", at(f.evidence().get(1)));
    assertTrue(f.evidence().get(1).args().get(1).startsWith("Asterisk PBX"), f.evidence().toString());
  }

  @Test
  void silent_when_both_legs_are_in_the_capture() {
    assertTrue(Fixtures.findings(RULE, Incidents.corpus(B2BUA)).isEmpty());
  }

  @Test
  void silent_when_the_capture_may_be_on_the_phone() {
    // X-Lite calls through Asterisk; the capture shows Asterisk talking to X-Lite only
    assertTrue(Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-Asterisk_ZFONE_XLITE.pcap")).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct-call", "blind-transfer", "hold-resume", "no-media", "ack-lost-private-contact"})
  void silent_on_a_proxy_that_forwards_the_invite(String scenario) {
    assertTrue(Fixtures.findings(RULE, Incidents.lab(scenario, "pbx.pcapng")).isEmpty());
  }
}
