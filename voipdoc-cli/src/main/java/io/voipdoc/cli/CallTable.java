package io.voipdoc.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * The text table of {@code voipdoc calls}: one row per call, columns sized to their content,
 * durations in the language of the texts.
 */
final class CallTable {
  private CallTable() {}

  static void render(List<CallRow> calls, Messages messages, PrintWriter out) {
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
    // the cells are made twice, to size the columns and to print them, rather than all kept
    int[] width = new int[head.length];
    widen(width, head);
    for (CallRow c : calls) {
      widen(width, cells(c, messages));
    }
    print(head, width, out);
    for (CallRow c : calls) {
      print(cells(c, messages), width, out);
    }
  }

  private static String[] cells(CallRow c, Messages messages) {
    return new String[] {
      Integer.toString(c.index),
      c.start.toString().replace('T', ' ').replace("Z", ""),
      String.format(messages.locale(), "%.3f", c.durationNanos / 1e9),
      Escape.terminal(c.from),
      Escape.terminal(c.to),
      CallsCommand.state(messages, c.state),
      c.finalStatus < 0 ? "-" : Integer.toString(c.finalStatus),
      Integer.toString(c.legs.length),
      Integer.toString(c.messages)
    };
  }

  private static void widen(int[] width, String[] r) {
    for (int k = 0; k < r.length; k++) {
      width[k] = Math.max(width[k], r[k].length());
    }
  }

  private static void print(String[] r, int[] width, PrintWriter out) {
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
