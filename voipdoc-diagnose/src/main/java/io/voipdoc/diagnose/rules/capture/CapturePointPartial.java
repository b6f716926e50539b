package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.points.CoverageGap;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CAPTURE_POINT_PARTIAL: of two captures of the same incident, one saw only part of what the
 * other saw: it was started later or stopped earlier. Whatever happened outside its time looks
 * "missing" at that point although it was simply not recorded, so findings about lost packets
 * between the points hold only for the time both captured.
 *
 * <p>Signature: packets that another point saw and that should have passed this one too (matched
 * traffic to the same destination went on from the other point to this one, see {@link
 * CoverageGap}) fall before this point's first or after its last packet. At least {@link
 * #MIN_PACKETS} such packets are needed, so that captures stopped a few milliseconds apart, with
 * a packet in flight, do not count.
 *
 * <p>Lab: two captures of {@code lab/one-way-audio}, one cut to start late ({@code
 * CapturePointPartialTest}).
 */
@RuleSpec(id = "CAPTURE_POINT_PARTIAL", severity = Severity.WARNING)
public final class CapturePointPartial implements Rule {
  /** Missed packets below this are edge effects of stopping captures one after the other. */
  static final long MIN_PACKETS = 10;

  @Override
  public void judge(Incident incident, Findings out) {
    Map<String, List<CoverageGap>> byPoint = new LinkedHashMap<>();
    for (CoverageGap g : incident.capturePoints().gaps()) {
      if (g.missed() >= MIN_PACKETS) {
        byPoint.computeIfAbsent(g.point(), k -> new ArrayList<>()).add(g);
      }
    }
    for (Map.Entry<String, List<CoverageGap>> e : byPoint.entrySet()) {
      List<CoverageGap> gaps = e.getValue();
      CoverageGap largest = gaps.get(0);
      for (CoverageGap g : gaps) {
        if (g.missed() > largest.missed()) {
          largest = g;
        }
      }
      Findings.Builder f = out.add(this, "capture " + name(e.getKey()))
          .title(name(e.getKey()), name(largest.other()), largest.missed());
      for (CoverageGap g : gaps) {
        if (g.missedBefore() > 0) {
          f.evidence(g.firstMissed(), "before_start", "", name(g.point()), name(g.other()),
              g.missedBefore());
        }
        if (g.missedAfter() > 0) {
          f.evidence(g.lastMissed(), "after_end", "", name(g.point()), name(g.other()),
              g.missedAfter());
        }
      }
      f.advice("capture_together").advice("read_overlap").done();
    }
  }

  private static String name(String input) {
    Path p = Path.of(input).getFileName();
    return p == null ? input : p.toString();
  }
}
