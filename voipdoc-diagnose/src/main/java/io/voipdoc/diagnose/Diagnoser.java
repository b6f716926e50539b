package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies rules to an incident and orders the findings: findings about the captures themselves
 * ({@code CAPTURE_*}: what a capture could not show) first, since they qualify the rest; then most
 * severe first, then by time.
 */
public final class Diagnoser {
  private Diagnoser() {}

  /** The findings of all {@link Rules#ALL}. */
  public static List<Finding> diagnose(Incident incident) {
    return diagnose(incident, Rules.ALL);
  }

  /** The findings of the given rules. */
  public static List<Finding> diagnose(Incident incident, List<Rule> rules) {
    Findings out = new Findings();
    for (Rule rule : rules) {
      rule.judge(incident, out);
    }
    List<Finding> all = new ArrayList<>(out.all());
    all.sort(
        Comparator.comparing((Finding f) -> !f.id().startsWith("CAPTURE_"))
            .thenComparing(Comparator.comparing(Finding::severity).reversed())
            .thenComparingLong(
                f -> {
                  FrameRef first = f.firstFrame();
                  return first == null ? Long.MAX_VALUE : first.timestampNanos();
                }));
    return all;
  }
}
