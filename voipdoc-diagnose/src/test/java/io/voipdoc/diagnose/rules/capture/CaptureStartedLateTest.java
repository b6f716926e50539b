package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureStartedLateTest {
  private static final CaptureStartedLate RULE = new CaptureStartedLate();

  @Test
  void fires_when_the_capture_begins_during_a_call() {
    List<Finding> found = Fixtures.findings(RULE, Fixtures.of("started-late.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals("1", f.titleArgs().get(1));
    // frame 666 of the original capture, the BYE, is frame 567 of the cut one
    assertEquals("started-late.pcapng#567", at(f.evidence().get(0)));
    assertTrue(f.evidence().get(0).args().get(0).startsWith("BYE sip:dave-"), f.evidence().toString());
  }

  @Test
  void silent_when_the_capture_holds_the_invite() {
    assertTrue(Fixtures.findings(RULE, Incidents.lab("direct-call", "bob.pcapng")).isEmpty());
    assertTrue(Fixtures.findings(RULE, Fixtures.of("too-short.pcapng")).isEmpty());
  }
}
