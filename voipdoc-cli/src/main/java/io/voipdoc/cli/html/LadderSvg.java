package io.voipdoc.cli.html;

import io.voipdoc.cli.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a ladder diagram as inline SVG: one column per host, time running down, one row per
 * arrow. Rows are evenly spaced rather than to scale, so that a 30-minute call with a handful of
 * messages stays as short as a 5-second one; the time of each row is written beside it. The
 * number of rows is bounded by the caller ({@link CallSection#MAX_ROWS}).
 */
final class LadderSvg {
  private static final int GUTTER = 112;
  /** The width the page gives a ladder; columns share it, within their narrowest and widest. */
  private static final int PAGE = 1086;
  private static final int NARROWEST = 180;
  private static final int WIDEST = 260;
  private static final int HEADER = 52;
  private static final int ROW = 30;
  /** Roughly how wide a character of the 12 px label font is. */
  private static final double CHAR = 6.6;
  /** Colours of the legs of a call. */
  private static final String[] LEG = {"#2563eb", "#7c3aed", "#0d9488", "#c2410c"};

  private LadderSvg() {}

  /**
   * @param hosts the columns, in order
   * @param agents per host, the user agent seen sending from it (may be absent)
   * @param startNanos the call's start, time zero of the rows
   */
  static void render(
      Html h,
      List<String> hosts,
      Map<String, String> agents,
      List<LadderRow> rows,
      long startNanos,
      Messages m) {
    int column = Math.max(NARROWEST, Math.min(WIDEST, (PAGE - GUTTER) / Math.max(1, hosts.size())));
    int width = GUTTER + column * Math.max(1, hosts.size()) + 10;
    int height = HEADER + 16 + rows.size() * ROW + 8;
    h.open(
        "svg",
        "class", "ladder",
        "xmlns", "http://www.w3.org/2000/svg",
        "width", Integer.toString(width),
        "height", Integer.toString(height),
        "viewBox", "0 0 " + width + " " + height,
        "role", "img",
        "aria-label", m.text("html.ladder"));
    List<Integer> xs = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      int x = GUTTER + column / 2 + i * column;
      xs.add(x);
      h.open("g", "class", "host");
      h.element("title", hosts.get(i) + (agents.containsKey(hosts.get(i)) ? "\n" + agents.get(hosts.get(i)) : ""));
      h.empty("rect", "x", Html.num(x - column / 2.0 + 8), "y", "4", "width", Integer.toString(column - 16), "height", "38", "rx", "6");
      h.element("text", Html.clip(hosts.get(i), (int) ((column - 24) / CHAR)), "x", Integer.toString(x), "y", "20", "class", "host-name");
      String agent = agents.get(hosts.get(i));
      if (agent != null) {
        h.element("text", Html.clip(agent, (int) ((column - 24) / 6.0)), "x", Integer.toString(x), "y", "35", "class", "host-agent");
      }
      h.close("g");
      h.empty("line", "x1", Integer.toString(x), "y1", "42", "x2", Integer.toString(x), "y2", Integer.toString(height - 4), "class", "lifeline");
    }
    for (int r = 0; r < rows.size(); r++) {
      LadderRow row = rows.get(r);
      int y = HEADER + 16 + r * ROW + ROW / 2;
      int from = xs.get(hosts.indexOf(row.from()));
      int to = xs.get(hosts.indexOf(row.to()));
      String time = Charts.offset(row.timeNanos() - startNanos, m);
      if (row.anchor() != null) {
        h.open("a", "href", "#" + row.anchor());
      }
      h.open("g", "class", "row " + row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      h.element("title", tooltip(row, time, m));
      h.element("text", time, "x", "6", "y", Integer.toString(y + 4), "class", "time");
      h.element("text", "#" + row.frame().number(), "x", Integer.toString(GUTTER - 8), "y", Integer.toString(y + 4), "class", "frame");
      String colour = row.kind() == LadderRow.Kind.RTP ? "#16a34a" : LEG[row.leg() % LEG.length];
      arrow(h, row, from, to, y, colour, column);
      h.close("g");
      if (row.anchor() != null) {
        h.close("a");
      }
    }
    h.close("svg");
  }

  private static void arrow(Html h, LadderRow row, int from, int to, int y, String colour, int column) {
    String repeats = row.repeats() > 1 ? " ×" + row.repeats() : "";
    if (from == to) {
      // sender and receiver on one host: a short loop to the right
      h.empty("path", "d", "M" + from + " " + (y - 6) + " h28 v12 h-24", "fill", "none", "stroke", colour, "class", "arrow");
      head(h, from + 4, y + 6, -1, colour);
      label(h, row.label(), repeats, (int) ((column - 40) / CHAR), from + 34, y + 4, "label loop");
      return;
    }
    int dir = to > from ? 1 : -1;
    String cls = switch (row.kind()) {
      case RTP -> "arrow rtp";
      case STUN_CHECK, STUN_UNANSWERED, STUN_SUCCESS, STUN_ERROR -> "arrow stun";
      default -> "arrow";
    };
    h.empty("line", "x1", Integer.toString(from), "y1", Integer.toString(y), "x2", Integer.toString(to - dir * 7), "y2", Integer.toString(y), "stroke", colour, "class", cls);
    head(h, to, y, dir, colour);
    int room = (int) ((Math.abs(to - from) - 16) / CHAR) - repeats.length();
    label(h, row.label(), repeats, Math.max(4, room), (from + to) / 2, y - 5, "label");
  }

  /** The label of an arrow, cut to {@code room} characters, and the repeat count as a badge. */
  private static void label(Html h, String text, String repeats, int room, int x, int y, String cls) {
    h.open("text", "x", Integer.toString(x), "y", Integer.toString(y), "class", cls).text(Html.clip(text, room));
    if (!repeats.isEmpty()) {
      h.element("tspan", repeats, "class", "repeats");
    }
    h.close("text");
  }

  /** An arrowhead with its tip at x, pointing right (dir 1) or left (-1). */
  private static void head(Html h, int x, int y, int dir, String colour) {
    h.empty("path", "d", "M" + x + " " + y + " l" + (-dir * 9) + " -4.5 v9 z", "fill", colour);
  }

  private static String tooltip(LadderRow row, String time, Messages m) {
    String text = row.label() + "\n" + row.from() + " → " + row.to() + "\n" + time + ", "
        + m.text("html.frame_in", row.frame().number(), row.frame().input());
    if (row.repeats() > 1) {
      text += "\n" + m.text("html.repeats", row.repeats(), (row.lastNanos() - row.timeNanos()) / 1e9);
    }
    return text;
  }
}
