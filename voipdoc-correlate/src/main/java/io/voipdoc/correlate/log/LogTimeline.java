package io.voipdoc.correlate.log;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.IceCandidate;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The events of all logs on the captures' clock. Kept beside the {@link Incident}: the incident
 * says what the packets show, the timeline what the logs say about the same moments.
 *
 * <p>Each log's clock offset is given by the user or estimated from shared events: an ACL
 * rejection of an address and the SIP request from that address the captures show, a rejected
 * candidate and the INVITE that offered it, an accepted TLS connection and its first packet, a
 * failed TLS handshake naming either end of a connection and its last packet. The
 * estimate is the offset that lets the most log events meet such a packet within
 * {@link #MATCH_WINDOW_NANOS}; the median of their differences refines it. Offsets beyond
 * {@link #MAX_OFFSET_NANOS} are not believed: such a log is from another day.
 */
public final class LogTimeline {
  /** How close a log event and a packet must be, once the offset is applied, to be the same. */
  public static final long MATCH_WINDOW_NANOS = 2_000_000_000L;

  /** The largest offset estimated (time zones and badly set clocks, not other days). */
  public static final long MAX_OFFSET_NANOS = 26L * 3600 * 1_000_000_000L;

  /** Log events looked at for the estimate, per log. */
  private static final int ESTIMATE_EVENTS = 500;

  /** Candidate offsets tried for the estimate, per log; each costs one pass over the events. */
  private static final int ESTIMATE_CANDIDATES = 2000;

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** No logs. */
  public static final LogTimeline EMPTY = new LogTimeline(List.of(), List.of());

  /**
   * One log and how it was placed.
   *
   * @param log the log as read
   * @param offset its clock offset
   */
  public record Placement(LogFile log, ClockOffset offset) {}

  /**
   * A log event on the captures' clock.
   *
   * @param event what the log says
   * @param line the line that says it, its time corrected
   * @param timeNanos capture-clock time in nanoseconds since the epoch
   */
  public record Placed(LogEvent event, LogLine line, long timeNanos) {}

  /** Something the captures show that a log event may report too. */
  private record Anchor(LogEventKind kind, String address, int port, long timeNanos) {}

  private final List<Placement> logs;
  private final List<Placed> events;

  private LogTimeline(List<Placement> logs, List<Placed> events) {
    this.logs = logs;
    this.events = events;
  }

  /**
   * Places logs beside an incident.
   *
   * @param given offsets the user gave, by log file name; {@code null} key or a missing file means
   *     estimate
   */
  public static LogTimeline place(List<LogFile> files, Map<String, Long> given, Incident incident) {
    Map<String, List<Anchor>> anchors = anchors(incident);
    List<Placement> placements = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    for (LogFile f : files) {
      Long g = given.get(f.file());
      ClockOffset offset =
          g != null ? new ClockOffset(g, ClockOffset.Source.GIVEN, shared(f, anchors, g)) : estimate(f, anchors);
      placements.add(new Placement(f, offset));
      for (LogFile.Entry e : f.entries()) {
        long t = nanos(e.event().written()) + offset.nanos();
        placed.add(new Placed(e.event(), new LogLine(f.file(), e.line(), instant(t), e.text()), t));
      }
    }
    placed.sort(Comparator.comparingLong(Placed::timeNanos));
    return new LogTimeline(List.copyOf(placements), List.copyOf(placed));
  }

  /** The logs, in the order given, with their offsets. */
  public List<Placement> logs() {
    return logs;
  }

  /** All events in time order. */
  public List<Placed> events() {
    return events;
  }

  /**
   * The events of {@code kind} about {@code address} (and {@code port}, unless -1) within the
   * match window of {@code timeNanos}, nearest first.
   */
  public List<Placed> near(LogEventKind kind, String address, int port, long timeNanos) {
    String a = normal(address);
    List<Placed> out = new ArrayList<>();
    for (Placed p : events) {
      LogEvent e = p.event();
      if (e.kind() == kind && e.address() != null && normal(e.address()).equals(a)
          && (port < 0 || e.port() < 0 || e.port() == port)
          && Math.abs(p.timeNanos() - timeNanos) <= MATCH_WINDOW_NANOS) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingLong(p -> Math.abs(p.timeNanos() - timeNanos)));
    return out;
  }

  /**
   * What the logs say about one TLS connection (over TCP), in time order: failed handshakes that
   * name either of its ends (the log's writer names its peer), and the accepting and closing of
   * its client's socket; all within {@link #MATCH_WINDOW_NANOS} before its first packet to the
   * same after its last. A failure line that names no peer is never about a particular
   * connection and is not returned.
   */
  public List<Placed> aboutTls(TlsConnectionSeen c) {
    String client = normal(c.client().address().getHostAddress());
    String server = normal(c.server().address().getHostAddress());
    long from = c.firstFrame().timestampNanos() - MATCH_WINDOW_NANOS;
    long to = c.lastFrame().timestampNanos() + MATCH_WINDOW_NANOS;
    List<Placed> out = new ArrayList<>();
    for (int i = firstAtOrAfter(from); i < events.size() && events.get(i).timeNanos() <= to; i++) {
      Placed p = events.get(i);
      LogEvent e = p.event();
      if (e.address() == null) {
        continue;
      }
      String a = normal(e.address());
      boolean isClient = a.equals(client) && (e.port() < 0 || e.port() == c.client().port());
      boolean isServer = a.equals(server) && (e.port() < 0 || e.port() == c.server().port());
      boolean about =
          switch (e.kind()) {
            case TLS_FAILED -> isClient || isServer;
            case TLS_ACCEPTED, TLS_CLOSED -> isClient;
            default -> false;
          };
      if (about) {
        out.add(p);
      }
    }
    return out;
  }

  /** The index of the first event at or after {@code nanos} (events are in time order). */
  private int firstAtOrAfter(long nanos) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (events.get(mid).timeNanos() < nanos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static ClockOffset estimate(LogFile f, Map<String, List<Anchor>> anchors) {
    List<LogFile.Entry> entries = f.entries().stream().filter(e -> e.event().address() != null).limit(ESTIMATE_EVENTS).toList();
    long best = 0;
    int bestCount = 0;
    Set<Long> tried = new HashSet<>();
    for (LogFile.Entry e : entries) {
      long written = nanos(e.event().written());
      for (Anchor a : anchors.getOrDefault(key(e.event().kind(), e.event().address()), List.of())) {
        if (!matches(e.event(), a)) {
          continue;
        }
        long candidate = a.timeNanos() - written;
        // offsets closer than a tenth of a second give the same matches
        if (Math.abs(candidate) > MAX_OFFSET_NANOS || tried.size() >= ESTIMATE_CANDIDATES
            || !tried.add(Math.floorDiv(candidate, 100_000_000L))) {
          continue;
        }
        int count = shared(entries, anchors, candidate);
        if (count > bestCount || (count == bestCount && Math.abs(candidate) < Math.abs(best))) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    if (bestCount == 0) {
      return new ClockOffset(0, ClockOffset.Source.NONE, 0);
    }
    return new ClockOffset(median(entries, anchors, best), ClockOffset.Source.ESTIMATED, bestCount);
  }

  private static int shared(LogFile f, Map<String, List<Anchor>> anchors, long offset) {
    return shared(f.entries(), anchors, offset);
  }

  private static int shared(List<LogFile.Entry> entries, Map<String, List<Anchor>> anchors, long offset) {
    int count = 0;
    for (LogFile.Entry e : entries) {
      if (nearest(e, anchors, offset) != null) {
        count++;
      }
    }
    return count;
  }

  /** The median difference between matched events and their nearest anchors at {@code offset}. */
  private static long median(List<LogFile.Entry> entries, Map<String, List<Anchor>> anchors, long offset) {
    List<Long> diffs = new ArrayList<>();
    for (LogFile.Entry e : entries) {
      Anchor a = nearest(e, anchors, offset);
      if (a != null) {
        diffs.add(a.timeNanos() - nanos(e.event().written()));
      }
    }
    diffs.sort(null);
    return diffs.get(diffs.size() / 2);
  }

  private static @Nullable Anchor nearest(LogFile.Entry e, Map<String, List<Anchor>> anchors, long offset) {
    long t = nanos(e.event().written()) + offset;
    Anchor best = null;
    for (Anchor a : anchors.getOrDefault(key(e.event().kind(), e.event().address()), List.of())) {
      long d = Math.abs(a.timeNanos() - t);
      if (matches(e.event(), a) && d <= MATCH_WINDOW_NANOS
          && (best == null || d < Math.abs(best.timeNanos() - t))) {
        best = a;
      }
    }
    return best;
  }

  private static boolean matches(LogEvent e, Anchor a) {
    return e.kind() == a.kind() && e.address() != null && normal(e.address()).equals(a.address())
        && (e.port() < 0 || a.port() < 0 || e.port() == a.port());
  }

  private static String key(LogEventKind kind, @Nullable String address) {
    return kind + " " + (address == null ? "" : normal(address));
  }

  private static Map<String, List<Anchor>> anchors(Incident incident) {
    List<Anchor> out = new ArrayList<>();
    for (Call call : incident.calls()) {
      long setup = -1;
      for (CallLeg leg : call.legs()) {
        for (Transaction t : leg.setupAttempts()) {
          SipEvent r = t.finalResponse() != null ? t.finalResponse() : t.request();
          out.add(new Anchor(LogEventKind.ACL_REJECTED,
              normal(t.request().source().address().getHostAddress()), -1, r.timeNanos()));
          if (setup < 0) {
            setup = r.timeNanos();
          }
        }
      }
      IceSession ice = incident.iceOf(call);
      if (ice != null && setup >= 0) {
        for (IceCandidate c : ice.candidates(true)) {
          if (!c.learned()) {
            out.add(new Anchor(LogEventKind.CANDIDATE_REJECTED, normal(c.address()), c.port(), setup));
          }
        }
      }
    }
    for (TlsConnectionSeen c : incident.tlsConnections()) {
      String client = normal(c.client().address().getHostAddress());
      out.add(new Anchor(LogEventKind.TLS_ACCEPTED, client, c.client().port(), c.firstFrame().timestampNanos()));
      out.add(new Anchor(LogEventKind.TLS_CLOSED, client, c.client().port(), c.lastFrame().timestampNanos()));
      // a failed handshake is logged when the alert or the close arrives, naming the writer's peer
      out.add(new Anchor(LogEventKind.TLS_FAILED, client, c.client().port(), c.lastFrame().timestampNanos()));
      out.add(new Anchor(LogEventKind.TLS_FAILED, normal(c.server().address().getHostAddress()),
          c.server().port(), c.lastFrame().timestampNanos()));
    }
    Map<String, List<Anchor>> byAddress = new HashMap<>();
    for (Anchor a : out) {
      byAddress.computeIfAbsent(key(a.kind(), a.address()), k -> new ArrayList<>()).add(a);
    }
    return byAddress;
  }

  /** The canonical text of an IP address literal; anything else as written. */
  static String normal(String address) {
    if (address.indexOf(':') >= 0 && LITERAL.matcher(address).matches()) {
      try {
        // a literal with ':' is parsed as IPv6, never looked up
        return InetAddress.getByName(address).getHostAddress();
      } catch (UnknownHostException e) {
        return address;
      }
    }
    return address;
  }

  static long nanos(LocalDateTime written) {
    return written.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + written.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
