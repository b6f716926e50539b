package io.voipdoc.cli;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal report of {@code voipdoc analyze}: a summary that fits one screen (inputs, calls,
 * failed calls, findings by severity), then the findings grouped by call, each with its evidence
 * and advice. Every value from a capture goes through {@link Escape#terminal}, so the only escape
 * sequences in the output are the colours of {@link Style}.
 */
final class AnalyzeText {
  /** Inputs named in the summary; beyond that only their number is given. */
  private static final int NAMED_INPUTS = 3;

  private AnalyzeText() {}

  static void render(AnalyzeReport r, Style style, PrintWriter out) {
    Messages m = r.messages();
    summary(r, style, out);
    CapturePointsSection.text(r.incident().capturePoints(), m, out);
    if (r.findings().isEmpty()) {
      out.println();
      out.println(m.text("analyze.nothing"));
    }
    for (AnalyzeReport.Group g : r.groups()) {
      out.println();
      Call c = g.call();
      if (c == null) {
        out.println(style.strong(m.text("analyze.other")));
      } else {
        out.println(style.strong(r.callHeading(c, Escape::terminal)));
        out.println(style.faint(m.text("analyze.callIds", callIds(c))));
      }
      for (Finding f : g.findings()) {
        out.println();
        finding(r, f, c == null, style, out);
      }
    }
  }

  private static void summary(AnalyzeReport r, Style style, PrintWriter out) {
    Messages m = r.messages();
    Incident incident = r.incident();
    List<String[]> rows = new ArrayList<>();
    List<Pipeline.InputAnomalies> inputs = r.result().anomalies();
    String names =
        inputs.size() > NAMED_INPUTS
            ? ""
            : ": "
                + String.join(
                    ", ",
                    inputs.stream().map(a -> Escape.terminal(AnalyzeReport.fileName(a.input()))).toList());
    rows.add(new String[] {m.text("analyze.label.inputs"), inputs.size() + names});
    rows.add(
        new String[] {
          m.text("analyze.label.calls"),
          m.text("analyze.value.calls", incident.calls().size(), AnalyzeCommand.failedCalls(incident))
        });
    rows.add(
        new String[] {
          m.text("analyze.label.registrations"), Integer.toString(incident.registrations().size())
        });
    rows.add(new String[] {m.text("analyze.label.streams"), Integer.toString(incident.streams().size())});
    long errors = r.count(Severity.ERROR);
    long warnings = r.count(Severity.WARNING);
    long notes = r.count(Severity.INFO);
    String findings = m.text("analyze.value.findings", errors, warnings, notes);
    if (errors > 0) {
      findings = style.error(findings);
    } else if (warnings > 0) {
      findings = style.warning(findings);
    }
    rows.add(new String[] {m.text("analyze.label.findings"), findings});
    for (Pipeline.InputAnomalies a : inputs) {
      if (a.log().total() > 0) {
        rows.add(
            new String[] {
              m.text("analyze.label.damage"),
              m.text("analyze.damage", Escape.terminal(AnalyzeReport.fileName(a.input())), a.log().total())
            });
      }
    }
    int width = 0;
    for (String[] row : rows) {
      width = Math.max(width, row[0].length());
    }
    for (String[] row : rows) {
      out.println(style.strong(row[0]) + " ".repeat(width - row[0].length() + 2) + row[1]);
    }
  }

  private static void finding(
      AnalyzeReport r, Finding f, boolean withSubject, Style style, PrintWriter out) {
    Messages m = r.messages();
    String word = r.severity(f.severity());
    String badge =
        switch (f.severity()) {
          case ERROR -> style.error(word);
          case WARNING -> style.warning(word);
          case INFO -> style.note(word);
        };
    out.println(
        "  "
            + badge
            + "  "
            + style.strong(f.id())
            + (withSubject ? "  " + Escape.terminal(f.subject()) : ""));
    out.println("  " + Escape.terminal(r.text().title(f)));
    out.println("  " + m.text("analyze.evidence"));
    for (Evidence e : f.evidence()) {
      out.println(
          "    "
              + style.faint(Escape.terminal(r.where(e)))
              + "  "
              + Escape.terminal(r.text().evidence(f, e)));
      if (!e.displayFilter().isEmpty()) {
        out.println(
            "      " + style.faint(m.text("analyze.filter") + " " + Escape.terminal(e.displayFilter())));
      }
    }
    out.println("  " + m.text("analyze.advice"));
    int n = 1;
    for (Advice a : f.advice()) {
      out.println("    " + n++ + ". " + Escape.terminal(r.text().advice(f, a)));
    }
  }

  /** The Call-IDs of a call, each escaped and cut to a readable length. */
  static String callIds(Call c) {
    List<String> ids = new ArrayList<>();
    for (String id : c.callIds()) {
      ids.add(Escape.terminal(Escape.shorten(id, AnalyzeReport.HEADING_VALUE)));
    }
    return String.join(", ", ids);
  }
}
