package io.voipdoc.diagnose.rules.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Rules;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureOrderTest {

  @RuleSpec(id = "CALL_FAILED", severity = Severity.ERROR)
  static final class AnError implements Rule {
    @Override
    public void judge(Incident incident, Findings out) {
      out.add(this, "call 1").done();
    }
  }

  @RuleSpec(id = "CAPTURE_NOTE", severity = Severity.INFO)
  static final class ACaptureNote implements Rule {
    @Override
    public void judge(Incident incident, Findings out) {
      out.add(this, "input x").done();
    }
  }

  @Test
  void capture_findings_come_before_more_severe_findings() {
    Incident incident = Incidents.of(Fixtures.of("too-short.pcapng"));
    List<Finding> all = Diagnoser.diagnose(incident, List.of(new AnError(), new ACaptureNote()));
    assertEquals(List.of("CAPTURE_NOTE", "CALL_FAILED"), all.stream().map(Finding::id).toList());
  }

  @Test
  void capture_rules_are_registered_first() {
    int capture = 0;
    while (Rules.ALL.get(capture).spec().id().startsWith(Diagnoser.CAPTURE_PREFIX)) {
      capture++;
    }
    assertEquals(8, capture, "capture-quality rules at the start of the list");
    for (Rule rule : Rules.ALL.subList(capture, Rules.ALL.size())) {
      String id = rule.spec().id();
      assertFalse(id.startsWith(Diagnoser.CAPTURE_PREFIX), id + " belongs to the start of the list");
    }
  }
}
