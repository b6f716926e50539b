package io.voipdoc.diagnose.rules.tls;

import io.voipdoc.correlate.log.LogEvent;
import io.voipdoc.correlate.log.LogEventKind;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.diagnose.Findings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The log lines that show failed TLS connections of a finding, as its evidence: the failed
 * handshake with the reason the TLS library gives (kamailio's {@code SSL routines::tlsv1 alert
 * unknown ca}, an SBC's {@code SEC_E_UNTRUSTED_ROOT}), and the SBC accepting the client's socket
 * and closing it again. Lines are tied to a connection by its addresses and ports and by time
 * ({@link LogTimeline#aboutTls}), so a log of other connections or of another moment adds nothing.
 *
 * <p>Used by TLS_HANDSHAKE_FAILURE and REFER_NOT_DELIVERED; both bundles hold the keys
 * {@code evidence.log_tls_failed}, {@code evidence.log_tls_accepted}, {@code
 * evidence.log_tls_closed} and {@code advice.log_reason}.
 */
public final class TlsLogLines {
  private TlsLogLines() {}

  /**
   * The lines about the first connection the logs speak about.
   *
   * @param connection that connection
   * @param lines its lines, in time order
   * @param spokenOf how many of the connections (each counted once, whichever capture shows it)
   *     the logs speak about
   * @param connections how many connections there were
   */
  public record Cited(TlsConnectionSeen connection, List<LogTimeline.Placed> lines, int spokenOf, int connections) {
    /** The first failure reason the lines give, or null. */
    public @Nullable String reason() {
      for (LogTimeline.Placed p : lines) {
        if (p.event().kind() == LogEventKind.TLS_FAILED && p.event().reason() != null) {
          return p.event().reason();
        }
      }
      return null;
    }
  }

  /** What the logs say about {@code connections}; null when they say nothing about any. */
  public static @Nullable Cited of(List<TlsConnectionSeen> connections, LogTimeline logs) {
    TlsConnectionSeen first = null;
    List<LogTimeline.Placed> firstLines = List.of();
    Set<String> all = new HashSet<>();
    Set<String> spokenOf = new HashSet<>();
    for (TlsConnectionSeen c : connections) {
      // the client's and the server's capture of one connection count once
      String key = c.client().hostPort() + ">" + c.server().hostPort();
      all.add(key);
      List<LogTimeline.Placed> lines = logs.aboutTls(c);
      if (!lines.isEmpty()) {
        spokenOf.add(key);
        if (first == null) {
          first = c;
          firstLines = lines;
        }
      }
    }
    return first == null ? null : new Cited(first, firstLines, spokenOf.size(), all.size());
  }

  /**
   * Adds the lines as evidence: the first failure, the first accepting and the first closing of
   * the socket, in time order.
   */
  public static void cite(Findings.Builder b, Cited cited) {
    TlsConnectionSeen c = cited.connection();
    LogTimeline.Placed accepted = null;
    boolean failed = false;
    boolean closed = false;
    for (LogTimeline.Placed p : cited.lines()) {
      LogEvent e = p.event();
      String peer = peer(e);
      switch (e.kind()) {
        case TLS_ACCEPTED -> {
          if (accepted == null) {
            accepted = p;
            b.lineEvidence(p.line(), "log_tls_accepted", peer);
          }
        }
        case TLS_FAILED -> {
          if (!failed) {
            failed = true;
            b.lineEvidence(p.line(), "log_tls_failed", peer, e.reason() == null ? "-" : e.reason(),
                cited.spokenOf(), cited.connections());
          }
        }
        case TLS_CLOSED -> {
          if (!closed) {
            closed = true;
            long since = accepted != null ? accepted.timeNanos() : c.firstFrame().timestampNanos();
            b.lineEvidence(p.line(), "log_tls_closed", peer, Math.max(0, (p.timeNanos() - since) / 1_000_000));
          }
        }
        default -> {
          // aboutTls returns only the kinds above
        }
      }
    }
  }

  /** When a line gives a reason, the advice that names it; nothing otherwise. */
  public static void adviseReason(Findings.Builder b, @Nullable Cited cited) {
    String reason = cited == null ? null : cited.reason();
    if (reason != null) {
      b.advice("log_reason", reason);
    }
  }

  private static String peer(LogEvent e) {
    String a = e.address() == null ? "?" : e.address();
    String host = a.indexOf(':') >= 0 ? "[" + a + "]" : a;
    return e.port() < 0 ? host : host + ":" + e.port();
  }
}
