package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies rules to an incident and orders the findings: capture-quality findings ({@code
 * CAPTURE_*}) first, because they say how far every other finding can be trusted; then the most
 * severe first; then by time.
 *
 * <p>Rules run in the order given, and each sees the findings of the rules before it through
 * {@link Findings#all()}: a rule that reports only what no other rule explains runs last.
 */
public final class Diagnoser {
  /** The ID prefix of the capture-quality findings. */
  public static final String CAPTURE_PREFIX = "CAPTURE_";

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
        Comparator.comparing((Finding f) -> !f.id().startsWith(CAPTURE_PREFIX))
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparingLong(
                f -> {
                  FrameRef first = f.firstFrame();
                  return first == null ? Long.MAX_VALUE : first.timestampNanos();
                }));
    return all;
  }
}
