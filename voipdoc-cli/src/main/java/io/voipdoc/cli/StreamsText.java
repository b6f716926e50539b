package io.voipdoc.cli;

import io.voipdoc.correlate.media.RtpStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Plain-text rendering of {@code voipdoc streams}: one line per stream, like Wireshark's table. */
final class StreamsText {
  private StreamsText() {}

  private static final String ROW = "%-21s %-21s %-10s %-8s %7s %14s %9s %9s %9s  %s%n";

  static void render(List<RtpStream> streams, Messages m, PrintWriter out) {
    if (streams.isEmpty()) {
      out.println(m.text("streams.none"));
      return;
    }
    out.printf(
        Locale.ROOT,
        ROW,
        m.text("streams.src"),
        m.text("streams.dst"),
        m.text("streams.ssrc"),
        m.text("streams.payload"),
        m.text("streams.packets"),
        m.text("streams.lost"),
        m.text("streams.maxDelta"),
        m.text("streams.maxJitter"),
        m.text("streams.meanJitter"),
        m.text("streams.callId"));
    for (RtpStream s : streams) {
      String codec = s.codec();
      String callId = s.callId();
      out.printf(
          m.locale(),
          ROW,
          s.source().hostPort(),
          s.destination().hostPort(),
          s.ssrcHex(),
          codec == null ? String.valueOf(s.payloadType()) : Escape.terminal(codec),
          s.packets(),
          String.format(m.locale(), "%d (%.1f%%)", s.lost(), s.lostPercent()),
          String.format(m.locale(), "%.3f", s.maxDeltaMs()),
          String.format(m.locale(), "%.3f", s.maxJitterMs()),
          String.format(m.locale(), "%.3f", s.meanJitterMs()),
          callId == null ? "-" : Escape.terminal(callId));
    }
    out.println(m.text("streams.footer", streams.size()));
  }
}
