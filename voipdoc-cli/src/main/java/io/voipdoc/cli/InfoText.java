package io.voipdoc.cli;

import java.io.PrintWriter;
import java.util.Map;

/** Plain-text rendering of {@code voipdoc info}: one block per input. */
final class InfoText {
  private InfoText() {}

  static void render(Iterable<InputSummary> summaries, Messages m, PrintWriter out) {
    for (InputSummary s : summaries) {
      out.println(Escape.terminal(s.path()));
      row(out, m.text("info.format"), s.format() + " (" + String.join(", ", s.linkTypes()) + ")");
      row(out, m.text("info.packets"), m.text("info.packets.value", s.packets(), s.bytes()));
      if (s.truncatedFrames() > 0) {
        row(out, m.text("info.truncated"), m.text("info.truncated.value", s.truncatedFrames()));
      }
      if (s.firstTimestamp() != null) {
        row(out, m.text("info.first"), s.firstTimestamp());
        row(out, m.text("info.last"), s.lastTimestamp());
        row(out, m.text("info.duration"), m.text("info.duration.value", s.durationSeconds()));
      }
      StringBuilder seen = new StringBuilder();
      for (Map.Entry<String, Long> e : s.counts().entrySet()) {
        if (e.getValue() > 0 && !e.getKey().equals("frames")) {
          seen.append(seen.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
      }
      row(out, m.text("info.recognised"), seen.length() == 0 ? "-" : seen.toString());
      if (s.anomalyCounts().isEmpty()) {
        row(out, m.text("info.anomalies"), m.text("info.anomalies.none"));
      } else {
        row(out, m.text("info.anomalies"), "");
        for (Map.Entry<String, Long> e : s.anomalyCounts().entrySet()) {
          out.println("    " + e.getKey() + " × " + e.getValue());
        }
        for (InputSummary.AnomalyView a : s.anomalies()) {
          String where =
              a.frame() > 0
                  ? m.text("info.anomaly.frame", a.frame(), a.offset())
                  : m.text("info.anomaly.offset", a.offset());
          out.println("    " + where + ": " + Escape.terminal(a.message()));
        }
      }
      out.println();
    }
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("  %-12s %s%n", label, value);
  }
}
