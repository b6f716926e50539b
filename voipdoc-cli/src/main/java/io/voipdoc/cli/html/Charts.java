package io.voipdoc.cli.html;

import io.voipdoc.cli.Messages;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.SecondSample;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import java.util.List;

/**
 * The time charts of the report as inline SVG: when each RTP stream of a call flowed (bars with
 * their gaps), jitter and loss of a stream per second, and registrations over time. Long series
 * are folded into at most {@link #MAX_POINTS} buckets (the worst second of each), so a call of
 * hours draws as fast as one of seconds.
 */
final class Charts {
  /** Most points a plot draws. */
  static final int MAX_POINTS = 600;
  private static final int WIDTH = 1080;

  private Charts() {}

  /** A stream of a call on the media timeline: its label and where it started. */
  record Lane(String label, RtpStream stream) {}

  /**
   * The call's media over time: one lane per stream, a bar for each run of seconds with packets,
   * red marks at seconds with loss, and ticks for the SIP messages on top.
   */
  static void timeline(Html h, List<Lane> lanes, List<LadderRow> sip, long startNanos, long endNanos, Messages m) {
    int left = 270;
    int plot = WIDTH - left - 24;
    int lane = 26;
    int height = 30 + (lanes.size() + 1) * lane + 24;
    double span = Math.max(1, (endNanos - startNanos) / 1e9);
    h.open("svg", "class", "timeline", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(WIDTH),
        "height", Integer.toString(height), "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
        "aria-label", m.text("html.timeline"));
    axis(h, left, plot, 30 + (lanes.size() + 1) * lane, span, m);
    int y = 30;
    h.element("text", "SIP", "x", Integer.toString(left - 8), "y", Integer.toString(y + 4), "class", "lane-label");
    h.empty("line", "x1", Integer.toString(left), "x2", Integer.toString(left + plot), "y1", Integer.toString(y), "y2", Integer.toString(y), "class", "lane-line");
    for (LadderRow r : sip) {
      double x = left + plot * ((r.timeNanos() - startNanos) / 1e9) / span;
      h.open("g", "class", r.kind() == LadderRow.Kind.SIP_ERROR ? "tick error" : "tick");
      h.element("title", offset(r.timeNanos() - startNanos, m) + "  " + r.label());
      h.empty("rect", "x", Html.num(x - 1.5), "y", Integer.toString(y - 8), "width", "3", "height", "16");
      h.close("g");
    }
    for (Lane l : lanes) {
      y += lane;
      h.element("text", Html.clip(l.label(), 38), "x", Integer.toString(left - 8), "y", Integer.toString(y + 4), "class", "lane-label");
      h.empty("line", "x1", Integer.toString(left), "x2", Integer.toString(left + plot), "y1", Integer.toString(y), "y2", Integer.toString(y), "class", "lane-line");
      double offset = (l.stream().firstFrame().timestampNanos() - startNanos) / 1e9;
      List<SecondSample> series = l.stream().series();
      int run = -1;
      for (int i = 0; i <= series.size(); i++) {
        boolean flowing = i < series.size() && series.get(i).packets() > 0;
        if (flowing && run < 0) {
          run = i;
        } else if (!flowing && run >= 0) {
          double x0 = left + plot * (offset + run) / span;
          double x1 = left + plot * Math.min(span, offset + i) / span;
          h.open("g", "class", "flow");
          h.element("title", m.text("html.flowing", String.format(m.locale(), "%+.0f", offset + run), String.format(m.locale(), "%+.0f", offset + i)));
          h.empty("rect", "x", Html.num(x0), "y", Integer.toString(y - 6), "width", Html.num(Math.max(2, x1 - x0)), "height", "12", "rx", "3");
          h.close("g");
          run = -1;
        }
        if (i < series.size() && series.get(i).lost() > 0) {
          double x = left + plot * (offset + i + 0.5) / span;
          h.open("g", "class", "loss");
          h.element("title", m.text("html.lost_at", series.get(i).lost(), String.format(m.locale(), "%+.0f", offset + i)));
          h.empty("rect", "x", Html.num(x - 1.5), "y", Integer.toString(y - 9), "width", "3", "height", "18");
          h.close("g");
        }
      }
      if (series.isEmpty()) {
        double x0 = left + plot * offset / span;
        double x1 = left + plot * Math.min(span, offset + l.stream().durationSeconds()) / span;
        h.empty("rect", "x", Html.num(x0), "y", Integer.toString(y - 6), "width", Html.num(Math.max(2, x1 - x0)), "height", "12", "rx", "3", "class", "flow");
      }
    }
    h.close("svg");
  }

  /** Jitter (line, left axis) and lost packets (bars, right axis) per second of one stream. */
  static void streamPlot(Html h, RtpStream s, Messages m) {
    int height = 170;
    int left = 52;
    int right = 52;
    int top = 14;
    int bottom = 26;
    int plotW = WIDTH - left - right;
    int plotH = height - top - bottom;
    List<SecondSample> series = s.series();
    int bucket = Math.max(1, (series.size() + MAX_POINTS - 1) / MAX_POINTS);
    int points = (series.size() + bucket - 1) / bucket;
    double[] jitter = new double[points];
    int[] lost = new int[points];
    boolean[] packets = new boolean[points];
    double maxJitter = 1;
    int maxLost = 1;
    for (SecondSample x : series) {
      int i = x.second() / bucket;
      if (i >= points) {
        continue;
      }
      jitter[i] = Math.max(jitter[i], x.maxJitterMs());
      lost[i] += x.lost();
      packets[i] |= x.packets() > 0;
      maxJitter = Math.max(maxJitter, jitter[i]);
      maxLost = Math.max(maxLost, lost[i]);
    }
    double jitterTop = niceCeiling(maxJitter * 1.15);
    // whole packets on the loss axis: a multiple of its four steps
    int lostTop = 4 * (int) Math.ceil(niceCeiling(maxLost) / 4);
    h.open("svg", "class", "plot", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(WIDTH),
        "height", Integer.toString(height), "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
        "aria-label", m.text("html.plot", s.source().hostPort(), s.destination().hostPort()));
    for (int k = 0; k <= 4; k++) {
      double y = top + plotH - plotH * k / 4.0;
      h.empty("line", "x1", Integer.toString(left), "x2", Integer.toString(left + plotW), "y1", Html.num(y), "y2", Html.num(y), "class", "grid");
      h.element("text", trim(jitterTop * k / 4, m), "x", Integer.toString(left - 6), "y", Html.num(y + 4), "class", "axis-left");
      h.element("text", trim(lostTop * k / 4.0, m), "x", Integer.toString(left + plotW + 6), "y", Html.num(y + 4), "class", "axis-right");
    }
    h.element("text", m.text("html.plot.jitter"), "x", Integer.toString(left), "y", "10", "class", "legend jitter");
    h.element("text", m.text("html.plot.lost"), "x", Integer.toString(left + plotW), "y", "10", "class", "legend lost");
    double step = points == 0 ? plotW : (double) plotW / points;
    for (int i = 0; i < points; i++) {
      if (lost[i] > 0) {
        double bh = plotH * (double) lost[i] / lostTop;
        h.open("g", "class", "bar");
        h.element("title", m.text("html.lost_at", lost[i], Integer.toString(i * bucket)));
        h.empty("rect", "x", Html.num(left + i * step), "y", Html.num(top + plotH - bh), "width", Html.num(Math.max(1, step - 1)), "height", Html.num(bh));
        h.close("g");
      }
    }
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < points; i++) {
      if (!packets[i]) {
        pen = false; // a gap in the stream is a gap in the line
        continue;
      }
      double x = left + (i + 0.5) * step;
      double y = top + plotH - plotH * jitter[i] / jitterTop;
      d.append(pen ? " L" : " M").append(Html.num(x)).append(' ').append(Html.num(y));
      pen = true;
    }
    if (d.length() > 0) {
      h.empty("path", "d", d.toString().trim(), "class", "jitter-line");
    }
    int seconds = points * bucket;
    int tick = niceStep(seconds);
    for (int t = 0; t <= seconds; t += tick) {
      double x = left + plotW * (double) t / Math.max(1, seconds);
      h.element("text", t + " s", "x", Html.num(x), "y", Integer.toString(height - 8), "class", "axis-bottom");
    }
    h.close("svg");
  }

  /** Each registration a lane, each REGISTER a dot coloured by how it ended. */
  static void registrations(Html h, List<Registration> registrations, Messages m) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Registration r : registrations) {
      for (RegisterAttempt a : r.attempts()) {
        start = Math.min(start, a.request().timeNanos());
        end = Math.max(end, a.request().timeNanos());
      }
    }
    int left = 270;
    int plot = WIDTH - left - 24;
    int lane = 24;
    int height = 20 + registrations.size() * lane + 24;
    double span = Math.max(1, (end - start) / 1e9);
    h.open("svg", "class", "timeline registrations", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(WIDTH),
        "height", Integer.toString(height), "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
        "aria-label", m.text("html.registrations"));
    axis(h, left, plot, 20 + registrations.size() * lane - 6, span, m);
    int y = 14;
    for (Registration r : registrations) {
      h.element("text", Html.clip(r.aor(), 38), "x", Integer.toString(left - 8), "y", Integer.toString(y + 4), "class", "lane-label");
      h.empty("line", "x1", Integer.toString(left), "x2", Integer.toString(left + plot), "y1", Integer.toString(y), "y2", Integer.toString(y), "class", "lane-line");
      for (RegisterAttempt a : r.attempts()) {
        double x = left + plot * ((a.request().timeNanos() - start) / 1e9) / span;
        int status = a.status();
        String cls = status < 0 ? "reg none" : status < 300 ? "reg ok" : a.challenged() ? "reg challenge" : "reg fail";
        h.open("g", "class", cls);
        h.element("title", String.format(m.locale(), "%+.1f s  REGISTER → %s", (a.request().timeNanos() - start) / 1e9,
            status < 0 ? m.text("html.no_response") : Integer.toString(status)));
        h.empty("circle", "cx", Html.num(x), "cy", Integer.toString(y), "r", "5");
        h.close("g");
      }
      y += lane;
    }
    h.close("svg");
  }

  private static void axis(Html h, int left, int plot, int y, double span, Messages m) {
    int tick = niceStep(span);
    h.empty("line", "x1", Integer.toString(left), "x2", Integer.toString(left + plot), "y1", Integer.toString(y), "y2", Integer.toString(y), "class", "axis");
    for (int t = 0; t <= span; t += tick) {
      double x = left + plot * t / span;
      h.empty("line", "x1", Html.num(x), "x2", Html.num(x), "y1", Integer.toString(y), "y2", Integer.toString(y + 4), "class", "axis");
      h.element("text", m.text("html.seconds", t), "x", Html.num(x), "y", Integer.toString(y + 16), "class", "axis-bottom");
    }
  }

  /**
   * Time since the start of a call in the report's language: {@code 1.234 s}, {@code -0.120 s}
   * in English, {@code 1,234 s} in German.
   */
  static String offset(long nanos, Messages m) {
    double s = Math.rint(nanos / 1e6) / 1e3;
    return String.format(m.locale(), "%.3f s", s == 0 ? 0.0 : s);
  }

  /** A tick step giving at most about 8 labels over {@code span}. */
  static int niceStep(double span) {
    int[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};
    for (int s : steps) {
      if (span / s <= 8) {
        return s;
      }
    }
    return (int) Math.ceil(span / 8);
  }

  private static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * p >= v) {
        return f * p;
      }
    }
    return 10 * p;
  }

  /** An axis label: a whole number bare, else one decimal in the report's language. */
  private static String trim(double v, Messages m) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(m.locale(), "%.1f", v);
  }
}
