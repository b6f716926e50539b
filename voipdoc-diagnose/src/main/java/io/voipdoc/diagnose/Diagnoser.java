package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies rules to an incident and orders the findings: most severe first, then by time. */
public final class Diagnoser {
  private Diagnoser() {}

  /** The findings of all {@link Rules#ALL}. */
  public static List<Finding> diagnose(Incident incident) {
    return diagnose(incident, Rules.ALL);
  }

  /** The findings of the given rules. */
  public static List<Finding> diagnose(Incident incident, List<Rule> rules) {
    return diagnose(incident, DiagnosisContext.NONE, rules);
  }

  /** The findings of all {@link Rules#ALL}, with logs and an access list. */
  public static List<Finding> diagnose(Incident incident, DiagnosisContext context) {
    return diagnose(incident, context, Rules.ALL);
  }

  /** The findings of the given rules, with logs and an access list. */
  public static List<Finding> diagnose(Incident incident, DiagnosisContext context, List<Rule> rules) {
    Findings out = new Findings();
    for (Rule rule : rules) {
      rule.judge(incident, context, out);
    }
    List<Finding> all = new ArrayList<>(out.all());
    all.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparingLong(
                f -> {
                  FrameRef first = f.firstFrame();
                  return first == null ? Long.MAX_VALUE : first.timestampNanos();
                }));
    return all;
  }
}
