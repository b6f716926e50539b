package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Plain-text rendering of {@code voipdoc analyze}: a summary, then each finding in full. */
final class AnalyzeText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private AnalyzeText() {}

  static void render(
      Incident incident,
      List<Finding> findings,
      Pipeline.Result result,
      FindingText text,
      Messages m,
      PrintWriter out) {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long infos = findings.size() - errors - warnings;
    out.println(
        m.text(
            "analyze.summary",
            result.anomalies().size(),
            incident.calls().size(),
            AnalyzeCommand.failedCalls(incident),
            incident.registrations().size(),
            incident.streams().size()));
    out.println(m.text("analyze.findings", errors, warnings, infos));
    for (Pipeline.InputAnomalies a : result.anomalies()) {
      if (a.log().total() > 0) {
        out.println(m.text("analyze.damage", a.input(), a.log().total()));
      }
    }
    CapturePointsSection.text(incident.capturePoints(), m, out);
    if (findings.isEmpty()) {
      out.println();
      out.println(m.text("analyze.nothing"));
    }
    for (Finding f : findings) {
      out.println();
      out.println(m.text("analyze.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)) + "  " + f.id() + "  " + f.subject());
      out.println("  " + text.title(f));
      out.println("  " + m.text("analyze.evidence"));
      for (Evidence e : f.evidence()) {
        FrameRef frame = e.frame();
        String where =
            frame == null
                ? "-"
                : m.text(
                    "analyze.where",
                    Path.of(frame.input()).getFileName(),
                    frame.number(),
                    TIME.format(frame.instant()));
        out.println("    " + where + "  " + text.evidence(f, e));
        if (!e.displayFilter().isEmpty()) {
          out.println("      " + m.text("analyze.filter") + " " + e.displayFilter());
        }
      }
      out.println("  " + m.text("analyze.advice"));
      int n = 1;
      for (Advice a : f.advice()) {
        out.println("    " + n++ + ". " + text.advice(f, a));
      }
    }
  }
}
