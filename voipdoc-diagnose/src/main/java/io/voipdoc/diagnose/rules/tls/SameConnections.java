package io.voipdoc.diagnose.rules.tls;

import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.correlate.points.CapturePoints;
import io.voipdoc.correlate.points.PointPair;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells TLS connections apart when the client and the server both captured them: the two copies
 * of one connection have the same client and server address and port, and their first packets lie
 * within {@link #WINDOW_NANOS} of each other once the points' clock offset is taken out. A
 * ClientHello carries no value the model keeps that would identify it, so the time decides; clients
 * take a fresh ephemeral port for each connection, so one port seldom returns to the same server
 * within a second.
 */
public final class SameConnections {
  /** How far apart, after the clock offset, two copies of one connection may start. */
  static final long WINDOW_NANOS = 1_000_000_000L;

  private SameConnections() {}

  /** How many different connections {@code seen} are. */
  public static int count(List<TlsConnectionSeen> seen, CapturePoints points) {
    List<TlsConnectionSeen> distinct = new ArrayList<>();
    for (TlsConnectionSeen c : seen) {
      boolean copy = false;
      for (TlsConnectionSeen d : distinct) {
        if (same(d, c, points)) {
          copy = true;
          break;
        }
      }
      if (!copy) {
        distinct.add(c);
      }
    }
    return distinct.size();
  }

  private static boolean same(TlsConnectionSeen a, TlsConnectionSeen b, CapturePoints points) {
    String inputA = a.firstFrame().input();
    String inputB = b.firstFrame().input();
    if (inputA.equals(inputB) || !a.client().equals(b.client()) || !a.server().equals(b.server())) {
      return false;
    }
    long apart = b.firstFrame().timestampNanos() - a.firstFrame().timestampNanos()
        - offset(points, inputA, inputB);
    return Math.abs(apart) <= WINDOW_NANOS;
  }

  /** How far the clock of {@code to} is ahead of that of {@code from}; 0 when not known. */
  private static long offset(CapturePoints points, String from, String to) {
    for (PointPair p : points.pairs()) {
      if (p.first().equals(from) && p.second().equals(to)) {
        return p.clockOffsetNanos();
      }
      if (p.first().equals(to) && p.second().equals(from)) {
        return -p.clockOffsetNanos();
      }
    }
    return 0;
  }
}
