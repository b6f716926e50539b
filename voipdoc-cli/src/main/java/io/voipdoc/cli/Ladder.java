package io.voipdoc.cli;

import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ladder diagram of a call's SIP messages for a terminal: one column per address:port (or per
 * host), one line per message with its time since the call started, an arrow from sender to
 * receiver and the first line on it, and under a message with SDP a line summarising it. Names and
 * labels are shortened with "…" to fit the width; what comes from the capture is escaped with
 * {@link Escape#terminal}.
 */
final class Ladder {
  /** Narrowest width drawn. */
  static final int MIN_WIDTH = 40;
  /** Width of the time column: "  12.345 " plus the frame number. */
  private static final int TIME = 17;

  private final int width;
  private final boolean byHost;

  Ladder(int width, boolean byHost) {
    this.width = Math.max(MIN_WIDTH, width);
    this.byHost = byHost;
  }

  void render(Call call, Messages messages, PrintWriter out) {
    render(call, messages, out, Integer.MAX_VALUE);
  }

  /** Draws at most {@code maxMessages} messages, then says how many more there are. */
  void render(Call call, Messages messages, PrintWriter out, int maxMessages) {
    List<SipEvent> events = new ArrayList<>();
    for (CallLeg l : call.legs()) {
      events.addAll(l.events());
    }
    events.sort(Comparator.comparingLong(SipEvent::timeNanos));
    List<String> columns = new ArrayList<>();
    for (SipEvent e : events) {
      add(columns, name(e, true));
      add(columns, name(e, false));
    }
    out.println(
        fit(messages.text("flow.title", call.index(), Escape.terminal(String.join(", ", call.callIds())))));
    int n = columns.size();
    int span = n <= 1 ? width - TIME - 1 : (width - TIME - 1) / (n - 1);
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      at[i] = i * span;
    }
    int inner = n <= 1 ? width - TIME : at[n - 1] + 1;
    StringBuilder head = new StringBuilder(" ".repeat(TIME));
    char[] names = blank(inner + span);
    for (int i = 0; i < n; i++) {
      String label = elide(columns.get(i), Math.max(3, span - 1));
      int start = Math.max(0, Math.min(at[i] - label.length() / 2, names.length - label.length()));
      if (i == n - 1) {
        start = Math.max(0, Math.min(start, inner - label.length()));
        if (start + label.length() > inner) {
          label = elide(label, inner - start);
        }
      }
      label.getChars(0, label.length(), names, start);
    }
    out.println(fit(head.append(new String(names, 0, inner)).toString()));
    long t0 = call.startNanos();
    int drawn = 0;
    for (SipEvent e : events) {
      if (drawn++ == maxMessages) {
        out.println(messages.text("flow.more", events.size() - maxMessages, call.index()));
        break;
      }
      int from = columns.indexOf(name(e, true));
      int to = columns.indexOf(name(e, false));
      char[] line = blank(inner);
      for (int i = 0; i < n; i++) {
        line[at[i]] = '|';
      }
      int lo = Math.min(at[from], at[to]);
      int hi = Math.max(at[from], at[to]);
      for (int k = lo + 1; k < hi; k++) {
        line[k] = '-';
      }
      if (hi > lo) {
        line[to > from ? hi - 1 : lo + 1] = to > from ? '>' : '<';
      }
      String label =
          (e.retransmission() ? "*" : "")
              + Escape.terminal(e.firstLine().replace(" SIP/2.0", "").replace("SIP/2.0 ", ""));
      int room = hi - lo - 4;
      if (hi == lo) {
        // sender and receiver share a column (--by-host on one host): the label follows the bar
        label = elide("<> " + label, inner - lo - 2);
        label.getChars(0, label.length(), line, lo + 2);
      } else if (room >= 3) {
        label = elide(label, room);
        int start = lo + 2 + (room - label.length()) / 2;
        label.getChars(0, label.length(), line, start);
      }
      String time =
          String.format(
              messages.locale(), "%9.3f #%-6d", (e.timeNanos() - t0) / 1e9, e.frame().number());
      out.println(fit(time + new String(line)));
      if (e.sdp() != null && !e.retransmission()) {
        out.println(fit(" ".repeat(TIME) + "  sdp " + Escape.terminal(e.sdp())));
      }
    }
  }

  private String name(SipEvent e, boolean source) {
    var endpoint = source ? e.source() : e.destination();
    return Escape.terminal(byHost ? endpoint.address().getHostAddress() : endpoint.hostPort());
  }

  private static void add(List<String> columns, String name) {
    if (!columns.contains(name)) {
      columns.add(name);
    }
  }

  private String fit(String s) {
    return elide(s.stripTrailing(), width);
  }

  private static char[] blank(int n) {
    char[] c = new char[Math.max(1, n)];
    java.util.Arrays.fill(c, ' ');
    return c;
  }

  static String elide(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    return max <= 1 ? s.substring(0, Math.max(0, max)) : s.substring(0, max - 1) + "…";
  }
}
