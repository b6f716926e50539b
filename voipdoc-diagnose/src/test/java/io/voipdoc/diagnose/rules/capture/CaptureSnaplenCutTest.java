package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureSnaplenCutTest {
  private static final CaptureSnaplenCut RULE = new CaptureSnaplenCut();

  @Test
  void fires_when_sip_frames_are_cut_by_snaplen() {
    Finding f = Fixtures.findings(RULE, Fixtures.of("snaplen-200.pcapng")).get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("11", f.titleArgs().get(1), "SIP messages cut");
    assertEquals("11", f.titleArgs().get(2), "SIP messages");
    assertEquals(CaptureSnaplenCut.EXAMPLES + 1, f.evidence().size());
    // the first REGISTER: 200 of its 502 bytes
    assertEquals("snaplen-200.pcapng#1", at(f.evidence().get(0)));
    assertEquals(List.of("200", "502"), f.evidence().get(0).args());
    assertEquals("sip && frame.cap_len < frame.len", f.evidence().get(3).displayFilter());
  }

  @Test
  void silent_when_frames_are_whole() {
    assertTrue(Fixtures.findings(RULE, Incidents.lab("direct-call", "bob.pcapng")).isEmpty());
  }
}
