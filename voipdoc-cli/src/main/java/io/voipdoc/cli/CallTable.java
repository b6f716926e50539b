package io.voipdoc.cli;

import io.voipdoc.correlate.sip.Call;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text table of {@code voipdoc calls}: one row per call, columns sized to their content. */
final class CallTable {
  private CallTable() {}

  static void render(List<Call> calls, Messages messages, PrintWriter out) {
    if (calls.isEmpty()) {
      out.println(messages.text("calls.none"));
      return;
    }
    String[] head = {
      "#",
      messages.text("calls.column.start"),
      messages.text("calls.column.duration"),
      messages.text("calls.column.from"),
      messages.text("calls.column.to"),
      messages.text("calls.column.state"),
      messages.text("calls.column.status"),
      messages.text("calls.column.legs"),
      messages.text("calls.column.messages")
    };
    String[][] rows = new String[calls.size() + 1][];
    rows[0] = head;
    for (int i = 0; i < calls.size(); i++) {
      Call c = calls.get(i);
      rows[i + 1] =
          new String[] {
            Integer.toString(c.index()),
            c.start().toString().replace('T', ' ').replace("Z", ""),
            String.format(Locale.ROOT, "%.3f", c.durationNanos() / 1e9),
            Escape.terminal(c.from()),
            Escape.terminal(c.to()),
            CallsCommand.state(messages, c),
            c.finalStatus() < 0 ? "-" : Integer.toString(c.finalStatus()),
            Integer.toString(c.legs().size()),
            Integer.toString(c.messages())
          };
    }
    int[] width = new int[head.length];
    for (String[] r : rows) {
      for (int k = 0; k < r.length; k++) {
        width[k] = Math.max(width[k], r[k].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < r.length; k++) {
        if (k > 0) {
          b.append("  ");
        }
        b.append(r[k]);
        if (k < r.length - 1) {
          b.append(" ".repeat(width[k] - r[k].length()));
        }
      }
      out.println(b);
    }
  }
}
