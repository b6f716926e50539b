package io.voipdoc.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

  @RuleSpec(id = "TOLL_FRAUD_SCAN", severity = Severity.WARNING)
  private static final class Example implements Rule {
    @Override
    public void judge(Incident incident, Findings out) {}
  }

  @Test
  void findingTakesTheRulesIdentityAndBundle() {
    Findings out = new Findings();
    out.add(new Example(), "source 192.0.2.1")
        .title("192.0.2.1")
        .evidence(new FrameRef("a.pcap", 3, 1_000, 0), "first", "frame.number == 3", 3)
        .advice("block", "192.0.2.1")
        .done();
    Finding f = out.all().get(0);
    assertEquals("TOLL_FRAUD_SCAN", f.id());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("io.voipdoc.diagnose.Messages", f.bundle());
    assertEquals(List.of("3"), f.evidence().get(0).args());
    assertEquals(3, f.firstFrame().number());
  }

  @Test
  void severityCanBeOverriddenPerFinding() {
    Findings out = new Findings();
    out.add(new Example(), "source 192.0.2.1").severity(Severity.ERROR).done();
    assertEquals(Severity.ERROR, out.all().get(0).severity());
  }
}
