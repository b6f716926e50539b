package io.voipdoc.cli;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report of {@code voipdoc analyze} ({@code --format md}), for pasting into tickets
 * and chats: the summary as a table, the findings grouped by call with their evidence and advice,
 * and a compact ladder of each failing call. CommonMark with a GitHub table; every value from a
 * capture is escaped with {@link Escape#markdown} (or sits in a code block or span that it cannot
 * close), so it shows as text and never as markup or HTML.
 */
final class AnalyzeMarkdown {
  /** Width of the ladders: wide enough for three columns, narrow enough for a ticket. */
  private static final int LADDER_WIDTH = 100;
  /** Messages drawn per ladder; the full flow is one {@code voipdoc flow} away. */
  private static final int LADDER_MESSAGES = 30;
  /** Ladders drawn; a capture with hundreds of failed calls would otherwise drown the report. */
  private static final int LADDERS = 10;

  private AnalyzeMarkdown() {}

  static void render(AnalyzeReport r, PrintWriter out) {
    Messages m = r.messages();
    out.println("# " + m.text("analyze.md.title"));
    out.println();
    summary(r, out);
    out.println("## " + m.text("analyze.md.findings"));
    out.println();
    if (r.findings().isEmpty()) {
      out.println(m.text("analyze.nothing"));
      out.println();
    }
    for (AnalyzeReport.Group g : r.groups()) {
      Call c = g.call();
      if (c == null) {
        out.println("### " + m.text("analyze.other"));
      } else {
        out.println("### " + r.callHeading(c, Escape::markdown));
        out.println();
        List<String> ids = new ArrayList<>();
        for (String id : c.callIds()) {
          ids.add(Escape.code(Escape.shorten(id, AnalyzeReport.HEADING_VALUE)));
        }
        out.println(m.text("analyze.callIds", String.join(", ", ids)));
      }
      out.println();
      for (Finding f : g.findings()) {
        finding(r, f, c == null, out);
      }
    }
    ladders(r, out);
  }

  private static void summary(AnalyzeReport r, PrintWriter out) {
    Messages m = r.messages();
    Incident incident = r.incident();
    List<Pipeline.InputAnomalies> inputs = r.result().anomalies();
    row(
        out,
        m.text("analyze.label.inputs"),
        m.text("analyze.label.calls"),
        m.text("analyze.md.failed"),
        m.text("analyze.label.registrations"),
        m.text("analyze.label.streams"),
        m.text("analyze.md.errors"),
        m.text("analyze.md.warnings"),
        m.text("analyze.md.notes"));
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    row(
        out,
        Integer.toString(inputs.size()),
        Integer.toString(incident.calls().size()),
        Long.toString(AnalyzeCommand.failedCalls(incident)),
        Integer.toString(incident.registrations().size()),
        Integer.toString(incident.streams().size()),
        Long.toString(r.count(Severity.ERROR)),
        Long.toString(r.count(Severity.WARNING)),
        Long.toString(r.count(Severity.INFO)));
    out.println();
    for (Pipeline.InputAnomalies a : inputs) {
      String damage =
          a.log().total() > 0
              ? " " + m.text("analyze.md.damage", a.log().total())
              : "";
      out.println("- " + Escape.code(AnalyzeReport.fileName(a.input())) + damage);
    }
    out.println();
  }

  private static void row(PrintWriter out, String... cells) {
    out.println("| " + String.join(" | ", cells) + " |");
  }

  private static void finding(AnalyzeReport r, Finding f, boolean withSubject, PrintWriter out) {
    Messages m = r.messages();
    out.println(
        "#### "
            + r.severity(f.severity())
            + " "
            + Escape.code(f.id())
            + (withSubject ? " " + Escape.markdown(f.subject()) : ""));
    out.println();
    out.println(Escape.markdown(r.text().title(f)));
    out.println();
    out.println("**" + Escape.markdown(m.text("analyze.evidence")) + "**");
    out.println();
    for (Evidence e : f.evidence()) {
      out.println(
          "- "
              + Escape.markdown(r.where(e))
              + ": "
              + Escape.markdown(r.text().evidence(f, e))
              + (e.displayFilter().isEmpty() ? "" : "  "));
      if (!e.displayFilter().isEmpty()) {
        out.println(
            "  "
                + Escape.markdown(m.text("analyze.filter"))
                + " "
                + Escape.code(e.displayFilter()));
      }
    }
    out.println();
    out.println("**" + Escape.markdown(m.text("analyze.advice")) + "**");
    out.println();
    int n = 1;
    for (Advice a : f.advice()) {
      out.println(n++ + ". " + Escape.markdown(r.text().advice(f, a)));
    }
    out.println();
  }

  private static void ladders(AnalyzeReport r, PrintWriter out) {
    if (r.failing().isEmpty()) {
      return;
    }
    Messages m = r.messages();
    out.println("## " + m.text("analyze.md.ladders"));
    out.println();
    Ladder ladder = new Ladder(LADDER_WIDTH, false);
    int drawn = 0;
    for (Call c : r.failing()) {
      if (drawn++ == LADDERS) {
        out.println(m.text("analyze.md.more_ladders", r.failing().size() - LADDERS));
        out.println();
        break;
      }
      out.println("### " + r.callHeading(c, Escape::markdown));
      out.println();
      StringWriter text = new StringWriter();
      PrintWriter w = new PrintWriter(text);
      ladder.render(c, m, w, LADDER_MESSAGES);
      w.flush();
      out.print(Escape.fence(text.toString(), "text"));
      out.println();
    }
  }
}
