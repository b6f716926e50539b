package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.points.AddressRewrite;
import io.voipdoc.correlate.points.CapturePoint;
import io.voipdoc.correlate.points.CapturePoints;
import io.voipdoc.correlate.points.CoverageGap;
import io.voipdoc.correlate.points.PointPair;
import io.voipdoc.correlate.points.SipChange;
import io.voipdoc.correlate.points.Vanished;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The "capture points" part of {@code voipdoc analyze}, in text and JSON: which inputs saw the
 * same traffic, their clock offsets, what vanished between two of them, the address mappings a
 * NAT made and what changed inside SIP. Shown only for two or more inputs; short by design (a few
 * lines per kind, then a count of the rest).
 */
final class CapturePointsSection {
  /** Lines shown per kind in the text report. */
  static final int SHOWN = 5;

  private CapturePointsSection() {}

  /** The text section, or nothing for fewer than two inputs. */
  static void text(CapturePoints cp, Messages m, PrintWriter out) {
    if (cp.points().size() < 2) {
      return;
    }
    out.println();
    out.println(m.text("points.title", cp.points().size()));
    for (CapturePoint p : cp.points()) {
      out.println("  " + m.text("points.point", name(p.input()), p.sip(), p.stun(), p.rtp(),
          String.format(m.locale(), "%.1f", p.seconds())));
    }
    if (cp.pairs().isEmpty()) {
      out.println("  " + m.text("points.unrelated"));
    }
    for (PointPair pair : cp.pairs()) {
      out.println("  " + m.text(pair.bothDirections() ? "points.pair" : "points.pair_one_way",
          name(pair.first()), name(pair.second()), pair.matched(),
          millis(pair.clockOffsetNanos(), m), millis(pair.transitNanos(), m)));
    }
    List<String> lines = new ArrayList<>();
    for (Vanished v : cp.vanished()) {
      lines.add(m.text("points.vanished", v.packets(), v.kind(),
          v.source().hostPort(), v.destination().hostPort(), name(v.from()),
          v.firstAtFrom().number(), name(v.to())));
    }
    print(lines, m, out);
    lines.clear();
    for (Mapping mapping : mappings(cp)) {
      lines.add(m.text("points.mapped", name(mapping.from), mapping.inside, name(mapping.to),
          mapping.outside));
    }
    print(lines, m, out);
    lines.clear();
    for (SipChange c : cp.sipChanges()) {
      lines.add(m.text("points.sip_changed", label(c), name(c.from()), c.atFrom().number(),
          name(c.to()), c.atTo().number(), c.field(), String.valueOf(c.before()),
          String.valueOf(c.after())));
    }
    print(lines, m, out);
    lines.clear();
    for (CoverageGap g : cp.gaps()) {
      if (g.missedBefore() > 0) {
        lines.add(m.text("points.started_late", name(g.point()), g.missedBefore(), name(g.other())));
      }
      if (g.missedAfter() > 0) {
        lines.add(m.text("points.stopped_early", name(g.point()), g.missedAfter(), name(g.other())));
      }
    }
    print(lines, m, out);
  }

  /** The JSON section: every fact, unshortened; empty lists for a single input. */
  static Map<String, Object> json(CapturePoints cp) {
    Map<String, Object> doc = new LinkedHashMap<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (CapturePoint p : cp.points()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("input", p.input());
      row.put("first", frame(p.first()));
      row.put("last", frame(p.last()));
      row.put("sip", p.sip());
      row.put("stun", p.stun());
      row.put("rtp", p.rtp());
      points.add(row);
    }
    doc.put("points", points);
    List<Map<String, Object>> pairs = new ArrayList<>();
    for (PointPair p : cp.pairs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("first", p.first());
      row.put("second", p.second());
      // a LinkedHashMap, not Map.of: the JSON must come out in the same order on every run
      Map<String, Object> matched = new LinkedHashMap<>();
      matched.put("sip", p.sip());
      matched.put("stun", p.stun());
      matched.put("rtp", p.rtp());
      row.put("matched", matched);
      row.put("clockOffsetNanos", p.clockOffsetNanos());
      row.put("transitNanos", p.transitNanos());
      row.put("bothDirections", p.bothDirections());
      pairs.add(row);
    }
    doc.put("pairs", pairs);
    List<Map<String, Object>> vanished = new ArrayList<>();
    for (Vanished v : cp.vanished()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", v.kind().name());
      row.put("from", v.from());
      row.put("to", v.to());
      row.put("source", v.source().hostPort());
      row.put("destination", v.destination().hostPort());
      row.put("ssrc", v.ssrc() < 0 ? null : String.format("0x%08x", v.ssrc()));
      row.put("what", v.what());
      row.put("packets", v.packets());
      row.put("firstAtFrom", frame(v.firstAtFrom()));
      row.put("lastAtFrom", frame(v.lastAtFrom()));
      vanished.add(row);
    }
    doc.put("vanished", vanished);
    List<Map<String, Object>> rewrites = new ArrayList<>();
    for (AddressRewrite r : cp.rewrites()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", r.kind().name());
      row.put("from", r.from());
      row.put("to", r.to());
      row.put("before", r.sourceAtFrom().hostPort() + " > " + r.destinationAtFrom().hostPort());
      row.put("after", r.sourceAtTo().hostPort() + " > " + r.destinationAtTo().hostPort());
      row.put("packets", r.packets());
      row.put("firstAtFrom", frame(r.firstAtFrom()));
      row.put("firstAtTo", frame(r.firstAtTo()));
      rewrites.add(row);
    }
    doc.put("rewrites", rewrites);
    List<Map<String, Object>> changes = new ArrayList<>();
    for (SipChange c : cp.sipChanges()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("callId", c.callId());
      row.put("message", label(c));
      row.put("field", c.field());
      row.put("before", c.before());
      row.put("after", c.after());
      row.put("atFrom", frame(c.atFrom()));
      row.put("atTo", frame(c.atTo()));
      changes.add(row);
    }
    doc.put("sipChanges", changes);
    List<Map<String, Object>> gaps = new ArrayList<>();
    for (CoverageGap g : cp.gaps()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("point", g.point());
      row.put("other", g.other());
      row.put("missedBefore", g.missedBefore());
      row.put("missedAfter", g.missedAfter());
      row.put("firstMissed", frame(g.firstMissed()));
      row.put("lastMissed", frame(g.lastMissed()));
      gaps.add(row);
    }
    doc.put("gaps", gaps);
    return doc;
  }

  private static void print(List<String> lines, Messages m, PrintWriter out) {
    for (int i = 0; i < lines.size() && i < SHOWN; i++) {
      out.println("  " + lines.get(i));
    }
    if (lines.size() > SHOWN) {
      out.println("  " + m.text("points.more", lines.size() - SHOWN));
    }
  }

  /**
   * One address mapping a NAT made between two points: an endpoint seen inside (at the point that
   * saw the packets first) as another outside.
   */
  private record Mapping(String from, String inside, String to, String outside) {}

  /** The distinct endpoint mappings the rewrites show, sources and destinations alike. */
  private static Set<Mapping> mappings(CapturePoints cp) {
    Set<Mapping> out = new LinkedHashSet<>();
    for (AddressRewrite r : cp.rewrites()) {
      add(out, r.from(), r.sourceAtFrom(), r.to(), r.sourceAtTo());
      add(out, r.from(), r.destinationAtFrom(), r.to(), r.destinationAtTo());
    }
    return out;
  }

  private static void add(Set<Mapping> out, String from, Endpoint a, String to, Endpoint b) {
    if (a.equals(b)) {
      return;
    }
    // one direction per pair of points: the reverse mapping is the same NAT entry
    if (!out.contains(new Mapping(to, b.toString(), from, a.toString()))) {
      out.add(new Mapping(from, a.toString(), to, b.toString()));
    }
  }

  private static String label(SipChange c) {
    return c.isRequest() ? c.method() : c.status() + " (" + c.method() + ")";
  }

  private static String millis(long nanos, Messages m) {
    return String.format(m.locale(), "%+.3f", nanos / 1e6);
  }

  private static String name(String input) {
    Path p = Path.of(input).getFileName();
    return p == null ? input : p.toString();
  }

  private static @Nullable Map<String, Object> frame(@Nullable FrameRef f) {
    if (f == null) {
      return null;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("input", f.input());
    row.put("frame", f.number());
    row.put("time", f.instant().toString());
    return row;
  }
}
